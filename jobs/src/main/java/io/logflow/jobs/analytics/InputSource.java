package io.logflow.jobs.analytics;

import io.logflow.jobs.formats.FormatSettings;
import io.logflow.jobs.formats.LogFormats;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kafka source of the job, from {@code input.sources} ({@code name=format;...}) and its own
 * keys below {@code input.sources.<name>.}: {@code topic} (default: the name), {@code service} (for
 * lines that carry none; default: the topic), {@code starting-offsets} (default: the job's {@code
 * input.starting-offsets}) and {@code fields.<field>} (the key a structured line carries a field
 * under).
 *
 * @param startingOffsets null for the job's {@code input.starting-offsets}
 */
public record InputSource(
        String name, String topic, String format, FormatSettings settings, String startingOffsets)
        implements Serializable {

    /** The prefix of every source's own keys. */
    public static final String PREFIX = AnalyticsOptions.INPUT_SOURCES.key() + ".";

    /** A source's topic (default: its name). */
    public static final String TOPIC = "topic";

    /** A raw source's service name (default: its topic). */
    public static final String SERVICE = "service";

    /** Where a source starts when the job has no state (default: input.starting-offsets). */
    public static final String STARTING_OFFSETS = "starting-offsets";

    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    public boolean isAvro() {
        return format.equals(LogFormats.AVRO);
    }

    /** The key of {@code sub} (e.g. {@link #TOPIC}) for the source {@code name}. */
    public static String key(String name, String sub) {
        return PREFIX + name + "." + sub;
    }

    /**
     * The sources {@code spec} lists, with their own keys from {@code all} (the whole
     * configuration); any key below {@link #PREFIX} that names no source, or that no source reads,
     * fails with the key named.
     */
    static List<InputSource> parse(String spec, Map<String, String> all) {
        Map<String, String> formats = new LinkedHashMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            String format = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!NAME.matcher(name).matches() || format.isEmpty()) {
                throw new IllegalArgumentException(
                        "input.sources: '"
                                + entry.trim()
                                + "' is not name=format (e.g. logs=avro-confluent;nginx=nginx)");
            }
            if (!LogFormats.names().contains(format)) {
                throw new IllegalArgumentException(
                        "input.sources: unknown format '"
                                + format
                                + "' for source '"
                                + name
                                + "'; formats are "
                                + String.join(", ", LogFormats.names()));
            }
            if (formats.put(name, format) != null) {
                throw new IllegalArgumentException("input.sources: source '" + name + "' twice");
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("input.sources: no source listed");
        }
        Map<String, Map<String, String>> own = ownKeys(formats, all);
        List<InputSource> out = new ArrayList<>();
        for (Map.Entry<String, String> f : formats.entrySet()) {
            Map<String, String> keys = own.getOrDefault(f.getKey(), Map.of());
            String topic = keys.getOrDefault(TOPIC, f.getKey());
            Map<String, String> fields = new HashMap<>();
            keys.forEach(
                    (k, v) -> {
                        if (k.startsWith("fields.")) {
                            fields.put(k.substring("fields.".length()), v);
                        }
                    });
            FormatSettings settings;
            try {
                settings = new FormatSettings(keys.getOrDefault(SERVICE, topic), fields);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        PREFIX + f.getKey() + ".fields: " + e.getMessage(), e);
            }
            if (f.getValue().equals(LogFormats.AVRO)
                    && (!fields.isEmpty() || keys.containsKey(SERVICE))) {
                throw new IllegalArgumentException(
                        PREFIX
                                + f.getKey()
                                + ": an avro-confluent source takes service and fields from the"
                                + " LogEvent itself; remove its service and fields.* keys");
            }
            if (!f.getValue().equals(LogFormats.AVRO)) {
                // Fails on the first record otherwise.
                LogFormats.create(f.getValue(), settings);
            }
            out.add(
                    new InputSource(
                            f.getKey(), topic, f.getValue(), settings, keys.get(STARTING_OFFSETS)));
        }
        return out;
    }

    private static Map<String, Map<String, String>> ownKeys(
            Map<String, String> formats, Map<String, String> all) {
        Map<String, Map<String, String>> own = new HashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            String source =
                    formats.keySet().stream()
                            .filter(n -> rest.startsWith(n + "."))
                            .max(java.util.Comparator.comparingInt(String::length))
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    key
                                                            + " names no source of input.sources ("
                                                            + String.join(", ", formats.keySet())
                                                            + ")"));
            String sub = rest.substring(source.length() + 1);
            if (!List.of(TOPIC, SERVICE, STARTING_OFFSETS).contains(sub)
                    && !sub.startsWith("fields.")) {
                throw new IllegalArgumentException(
                        "Unknown key "
                                + key
                                + "; a source takes topic, service, starting-offsets and"
                                + " fields.<field>");
            }
            own.computeIfAbsent(source, s -> new HashMap<>()).put(sub, e.getValue());
        }
        return own;
    }
}
