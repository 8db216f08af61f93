package io.logflow.connectors.config;

import io.logflow.connectors.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/**
 * The command-line parser of every LogFlow tool: {@code --key value}, {@code --key=value} and a
 * bare {@code --switch} for boolean options become a Flink {@link Configuration} of the tool's
 * {@link ConfigOption}s, with one set of error texts and a usage text made from the options.
 *
 * <pre>{@code
 * static final ToolArgs ARGS = ToolArgs.of("logflow registry", KAFKA, PORT).required(KAFKA);
 *
 * Configuration conf = ARGS.parse(args); // IllegalArgumentException naming the key
 * int port = conf.get(PORT);
 * }</pre>
 */
public final class ToolArgs {

    /** The argument naming a configuration file, where {@link #withConfigFile()} allows one. */
    public static final String CONFIG_FILE = "config";

    private final String command;
    private final Map<String, ConfigOption<?>> options;
    private final Set<String> required;
    private final List<String> passThroughPrefixes;
    private final boolean configFile;

    private ToolArgs(
            String command,
            Map<String, ConfigOption<?>> options,
            Set<String> required,
            List<String> passThroughPrefixes,
            boolean configFile) {
        this.command = command;
        this.options = options;
        this.required = required;
        this.passThroughPrefixes = passThroughPrefixes;
        this.configFile = configFile;
    }

    /** A parser for {@code command} (as the usage line names it) that knows {@code options}. */
    public static ToolArgs of(String command, List<ConfigOption<?>> options) {
        Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();
        options.forEach(o -> byKey.put(o.key(), o));
        return new ToolArgs(command, byKey, Set.of(), List.of(), false);
    }

    /** A parser for {@code command} (as the usage line names it) that knows {@code options}. */
    public static ToolArgs of(String command, ConfigOption<?>... options) {
        return of(command, Arrays.asList(options));
    }

    /** This parser, failing when any of {@code options} is not given. */
    public ToolArgs required(ConfigOption<?>... options) {
        Set<String> keys = new HashSet<>(required);
        Arrays.stream(options).forEach(o -> keys.add(o.key()));
        return new ToolArgs(command, this.options, keys, passThroughPrefixes, configFile);
    }

    /** This parser, also passing on unchecked any key that starts with one of {@code prefixes}. */
    public ToolArgs passThrough(List<String> prefixes) {
        return new ToolArgs(command, options, required, List.copyOf(prefixes), configFile);
    }

    /**
     * This parser, also reading {@code --config file} (YAML or {@code .properties}) under the
     * arguments, which win.
     */
    public ToolArgs withConfigFile() {
        return new ToolArgs(command, options, required, passThroughPrefixes, true);
    }

    /** True when {@code args} ask for the usage text rather than a run. */
    public static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /**
     * The configuration {@code args} give; every value they set is checked against its option.
     *
     * @throws IllegalArgumentException naming the key that is unknown, lacks a value, does not
     *     parse or is required but missing
     */
    public Configuration parse(String... args) {
        Map<String, String> fromArgs = tokenize(args);
        Map<String, String> merged = new LinkedHashMap<>();
        // Without withConfigFile(), a tool may declare a --config option of its own.
        String file = configFile ? fromArgs.remove(CONFIG_FILE) : null;
        if (file != null) {
            Map<String, String> fromFile = ConfigFiles.read(Path.of(file));
            fromFile.keySet().forEach(this::checkKnown);
            merged.putAll(fromFile);
        }
        merged.putAll(fromArgs);
        for (String key : required) {
            if (!merged.containsKey(key)) {
                throw missing(options.get(key));
            }
        }
        merged.replaceAll((k, v) -> isNumber(options.get(k)) ? v.replace("_", "") : v);
        Configuration conf = Configuration.fromMap(merged);
        for (ConfigOption<?> option : options.values()) {
            if (merged.containsKey(option.key())) {
                try {
                    conf.get(option);
                } catch (IllegalArgumentException e) {
                    throw invalid(option, merged.get(option.key()), expected(option, e));
                }
            }
        }
        return conf;
    }

    /**
     * {@code args} split into the options this parser declares, each with its value, and the rest
     * in their order: what a command hands on to another parser, as {@code bin/logflow run} hands
     * the job its options. A {@code --key} without {@code =} takes the next argument unless that is
     * an option, as {@link #parse} reads it.
     */
    public Split split(String... args) {
        Split out = new Split(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2).split("=", 2)[0] : null;
            boolean own = options.containsKey(key) || (configFile && CONFIG_FILE.equals(key));
            List<String> to = own ? out.own() : out.rest();
            to.add(args[i]);
            if (key != null
                    && !args[i].contains("=")
                    && i + 1 < args.length
                    && !args[i + 1].startsWith("--")) {
                to.add(args[++i]);
            }
        }
        return out;
    }

    /** The two parts of {@link #split}: this parser's arguments and the rest, each in order. */
    public record Split(List<String> own, List<String> rest) {

        /** This parser's arguments, as {@link #parse} takes them. */
        public String[] ownArgs() {
            return own.toArray(String[]::new);
        }
    }

    /** The error for a value of {@code option} that is not one of {@code expected}. */
    public static IllegalArgumentException invalid(
            ConfigOption<?> option, Object value, String expected) {
        return new IllegalArgumentException(
                "Invalid value for '"
                        + option.key()
                        + "': '"
                        + Secrets.mask(option.key(), String.valueOf(value))
                        + "'; expected "
                        + expected);
    }

    /** The error for a value of {@code option} that {@code reason} (which names it) rejects. */
    public static IllegalArgumentException invalid(ConfigOption<?> option, String reason) {
        return new IllegalArgumentException("Invalid value for '" + option.key() + "': " + reason);
    }

    /** The error for a required {@code option} that was not given. */
    public static IllegalArgumentException missing(ConfigOption<?> option) {
        return new IllegalArgumentException("Missing required option '" + option.key() + "'");
    }

    /** The usage text: one line per option with its value, description and default. */
    public String usage() {
        return ToolUsage.text(command, options.values(), required, configFile, passThroughPrefixes);
    }

    /** The usage text without its usage line, for a command that hands these options on. */
    public String optionLines() {
        return ToolUsage.optionLines(options.values(), required, configFile, passThroughPrefixes);
    }

    private Map<String, String> tokenize(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException(
                        "Expected an option like --key value, got '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String key = eq >= 0 ? body.substring(0, eq) : body;
            boolean known = checkKnown(key);
            ConfigOption<?> option = options.get(key);
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (!known || (option != null && option.defaultValue() instanceof Boolean)) {
                // A bare flag is a switch; pass-through keys have no type to say otherwise.
                value = "true";
            } else {
                throw new IllegalArgumentException("Option '" + key + "' needs a value");
            }
            // A list option may be given once per element, as in --incident a --incident b.
            boolean list = option != null && option.defaultValue() instanceof List;
            out.merge(key, value, (a, b) -> list ? a + ";" + b : b);
        }
        return out;
    }

    /** True for a declared key; false for a pass-through one; throws for any other. */
    private boolean checkKnown(String key) {
        if (options.containsKey(key) || (configFile && key.equals(CONFIG_FILE))) {
            return true;
        }
        if (passThroughPrefixes.stream().anyMatch(key::startsWith)) {
            return false;
        }
        throw new IllegalArgumentException(
                "Unknown option '"
                        + key
                        + "'. Known options: "
                        + String.join(", ", new TreeSet<>(options.keySet()))
                        + (passThroughPrefixes.isEmpty()
                                ? ""
                                : ", and any key starting with "
                                        + String.join(" or ", passThroughPrefixes)));
    }

    private static boolean isNumber(ConfigOption<?> option) {
        return option != null && option.defaultValue() instanceof Number;
    }

    // ConfigOption keeps its type to itself, so the default value stands in for it.
    private static String expected(ConfigOption<?> option, IllegalArgumentException e) {
        Object d = option.defaultValue();
        if (d instanceof Integer || d instanceof Long) {
            return "a whole number";
        } else if (d instanceof Number) {
            return "a number";
        } else if (d instanceof Boolean) {
            return "true or false";
        } else if (d instanceof Duration) {
            return "a duration such as 500ms, 30s or 5m";
        } else if (d instanceof MemorySize) {
            return "a size such as 512kb or 64mb";
        } else if (d instanceof Enum<?> en) {
            return "one of "
                    + Arrays.stream(en.getDeclaringClass().getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause instanceof NumberFormatException ? "a number" : cause.getMessage();
    }
}
