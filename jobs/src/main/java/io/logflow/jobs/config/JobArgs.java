package io.logflow.jobs.config;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * Turns {@code --key value} / {@code --key=value} arguments and an optional {@code --config file}
 * (YAML or .properties; arguments win) into a Flink {@link Configuration}, rejecting keys that no
 * option declares.
 */
public final class JobArgs {

    /** The argument naming a configuration file. */
    public static final String CONFIG_FILE = "config";

    private JobArgs() {}

    /**
     * Parses {@code args}; every key must be one of {@code options} or start with one of {@code
     * passThroughPrefixes}.
     */
    public static Configuration parse(
            String[] args, List<ConfigOption<?>> options, List<String> passThroughPrefixes) {
        Map<String, String> fromArgs = parseArgs(args);
        Map<String, String> merged = new LinkedHashMap<>();
        String file = fromArgs.remove(CONFIG_FILE);
        if (file != null) {
            merged.putAll(readFile(Path.of(file)));
        }
        merged.putAll(fromArgs);
        Set<String> known = new TreeSet<>();
        options.forEach(o -> known.add(o.key()));
        for (String key : merged.keySet()) {
            if (!known.contains(key) && passThroughPrefixes.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException(
                        "Unknown option '"
                                + key
                                + "'. Known options: "
                                + String.join(", ", known)
                                + (passThroughPrefixes.isEmpty()
                                        ? ""
                                        : ", and any key starting with "
                                                + String.join(" or ", passThroughPrefixes)));
            }
        }
        return Configuration.fromMap(merged);
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException(
                        "Expected an option like --key value, got '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                out.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(body, args[++i]);
            } else {
                // A bare flag is a boolean switch, as in --input.bounded.
                out.put(body, "true");
            }
        }
        return out;
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Configuration file " + file + " does not exist");
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (file.toString().endsWith(".properties")) {
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
                props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
            } else {
                flatten("", YamlParserUtils.loadYamlFile(file.toFile()), out);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> out) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map) {
                flatten(key, (Map<String, Object>) value, out);
            } else if (value instanceof List) {
                List<?> list = (List<?>) value;
                out.put(key, String.join(";", list.stream().map(String::valueOf).toList()));
            } else {
                out.put(key, String.valueOf(value));
            }
        }
    }
}
