package io.logflow.jobs.formats;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one source's format needs besides the bytes: the service of lines that carry none (a
 * constant, else the source's topic), and for structured formats the key of each field when it
 * differs from the defaults ({@code input.sources.<name>.fields.<field>=<key>}).
 *
 * @param fields logical field ({@link #FIELDS}) to the key a line carries it under; a dotted key
 *     also matches the same path of nested objects
 */
public record FormatSettings(String service, Map<String, String> fields) implements Serializable {

    /** The HTTP fields, in the order the structured formats index them after their own. */
    public static final List<String> HTTP_FIELDS =
            List.of(
                    "http.path",
                    "http.status",
                    "http.latency-ms",
                    "http.bytes",
                    "http.client-ip",
                    "http.method",
                    "http.user-agent");

    /** The logical fields a mapping may name. */
    public static final List<String> FIELDS =
            Stream.concat(
                            Stream.of("timestamp", "level", "service", "host", "message"),
                            HTTP_FIELDS.stream())
                    .toList();

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
