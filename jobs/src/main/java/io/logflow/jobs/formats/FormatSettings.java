package io.logflow.jobs.formats;

import java.io.Serializable;
import java.util.Map;

/**
 * What one source's format needs besides the bytes: the service of lines that carry none (a
 * constant, else the source's topic), and for structured formats the key of each field when it
 * differs from the defaults ({@code input.sources.<name>.fields.<field>=<key>}).
 *
 * @param fields logical field ({@link #FIELDS}) to the key a line carries it under; a dotted key
 *     also matches the same path of nested objects
 */
public record FormatSettings(String service, Map<String, String> fields) implements Serializable {

    /** The logical fields a mapping may name. */
    public static final java.util.List<String> FIELDS =
            java.util.List.of(
                    "timestamp",
                    "level",
                    "service",
                    "host",
                    "message",
                    "http.method",
                    "http.path",
                    "http.status",
                    "http.latency-ms",
                    "http.bytes",
                    "http.client-ip",
                    "http.user-agent");

    public FormatSettings {
        fields = Map.copyOf(fields);
        for (String f : fields.keySet()) {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(
                        "Unknown field '" + f + "'; fields are " + String.join(", ", FIELDS));
            }
        }
    }

    /** The key configured for {@code field}, or null when the format's defaults apply. */
    public String field(String field) {
        return fields.get(field);
    }
}
