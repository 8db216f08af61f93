package io.logflow.connectors.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.util.TimeUtils;

/** The usage text of {@link ToolArgs}: one line per option with its value, description, default. */
final class ToolUsage {

    private ToolUsage() {}

    static String text(
            String command,
            Collection<ConfigOption<?>> options,
            Set<String> required,
            boolean configFile,
            List<String> passThroughPrefixes) {
        String lines = optionLines(options, required, configFile, passThroughPrefixes);
        return "Usage: " + command + " [--key value]..." + (lines.isEmpty() ? "" : "\n" + lines);
    }

    /** The lines under the usage line: one per option, then what is passed on unchecked. */
    static String optionLines(
            Collection<ConfigOption<?>> options,
            Set<String> required,
            boolean configFile,
            List<String> passThroughPrefixes) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (ConfigOption<?> option : options) {
            String value = placeholder(option);
            String note =
                    required.contains(option.key())
                            ? " Required."
                            // A switch is off unless given; saying so adds nothing.
                            : option.hasDefaultValue()
                                            && !render(option.defaultValue()).isEmpty()
                                            && !Boolean.FALSE.equals(option.defaultValue())
                                    ? " Default: " + render(option.defaultValue()) + "."
                                    : "";
            rows.put(
                    "--" + option.key() + (value.isEmpty() ? "" : " " + value),
                    PlainTextFormatter.render(option.description()) + note);
        }
        if (configFile) {
            rows.put(
                    "--" + ToolArgs.CONFIG_FILE + " FILE",
                    "YAML or .properties file; arguments win.");
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        List<String> lines = new ArrayList<>();
        rows.forEach(
                (flag, text) ->
                        lines.add(
                                ("  "
                                                + String.format("%-" + width + "s", flag)
                                                + text.strip()
                                                        .replace(
                                                                "\n", "\n" + " ".repeat(width + 2)))
                                        .stripTrailing()));
        if (!passThroughPrefixes.isEmpty()) {
            // A sentence, not a row: the prefixes side by side would widen every row's column.
            lines.add(
                    "  Passed on as they are: any --key starting with "
                            + String.join(", ", passThroughPrefixes));
        }
        return String.join("\n", lines);
    }

    private static String placeholder(ConfigOption<?> option) {
        Object d = option.defaultValue();
        if (d instanceof Boolean on) {
            // A bare switch turns an option on; one that is on already says how to turn it off.
            return on ? "true|false" : "";
        } else if (d instanceof Number) {
            return "N";
        } else if (d instanceof Duration) {
            return "DURATION";
        } else if (d instanceof List) {
            return "VALUE (repeatable)";
        }
        return "VALUE";
    }

    private static String render(Object value) {
        if (value instanceof Duration d) {
            // As users type it: 2s, not "2 s".
            return TimeUtils.formatWithHighestUnit(d).replace(" ", "");
        } else if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        } else if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }
}
