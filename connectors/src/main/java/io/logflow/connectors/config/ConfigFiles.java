package io.logflow.connectors.config;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.YamlParserUtils;

/**
 * Reads the {@code --config} file of {@link ToolArgs} into flat keys, as Flink's own config does.
 */
final class ConfigFiles {

    private ConfigFiles() {}

    /** The keys and values of a YAML or {@code .properties} file, nested YAML keys dotted. */
    static Map<String, String> read(Path file) {
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
            } else if (value instanceof List<?> list) {
                out.put(key, String.join(";", list.stream().map(String::valueOf).toList()));
            } else {
                out.put(key, String.valueOf(value));
            }
        }
    }
}
