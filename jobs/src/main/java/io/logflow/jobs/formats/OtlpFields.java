package io.logflow.jobs.formats;

import java.io.Serializable;
import java.util.List;

/**
 * The attribute keys the OTLP formats read each logical field from, most specific first: service
 * and host from the resource, HTTP fields from the log record, under OpenTelemetry's semantic
 * conventions and the older names instrumentations still write. A source's mapping ({@link
 * FormatSettings#field}) replaces a field's list with its one key.
 *
 * <p>Time, level and message have fields of their own in a log record, so a mapping for them is
 * refused rather than silently ignored.
 */
final class OtlpFields implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PATH = 0;
    static final int STATUS = 1;
    static final int LATENCY = 2;
    static final int BYTES = 3;
    static final int CLIENT_IP = 4;
    static final int METHOD = 5;
    static final int USER_AGENT = 6;
    static final int COUNT = 7;

    private static final String[] LOGICAL = FormatSettings.HTTP_FIELDS.toArray(String[]::new);

    private static final List<List<String>> DEFAULTS =
            List.of(
                    // The path requested first; the route template is next best for top paths.
                    List.of("url.path", "http.route", "http.target"),
                    List.of("http.response.status_code", "http.status_code"),
                    List.of("http.server.request.duration"),
                    List.of("http.response.body.size", "http.response_content_length"),
                    List.of("client.address", "http.client_ip"),
                    List.of("http.request.method", "http.method"),
                    List.of("user_agent.original", "http.user_agent"));

    /** The default latency key is in seconds, as the semantic conventions measure durations. */
    static final String LATENCY_SECONDS = "http.server.request.duration";

    final String service;
    final String host;

    /** Per field, the keys by rank. */
    final String[][] keys = new String[COUNT][];

    OtlpFields(FormatSettings settings) {
        for (String own : List.of("timestamp", "level", "message")) {
            if (settings.field(own) != null) {
                throw new IllegalArgumentException(
                        "fields."
                                + own
                                + " does not apply to an OTLP format: a log record carries its"
                                + " time, severity and body in fields of their own");
            }
        }
        service = orDefault(settings.field("service"), "service.name");
        host = orDefault(settings.field("host"), "host.name");
        for (int i = 0; i < COUNT; i++) {
            String own = settings.field(LOGICAL[i]);
            keys[i] = (own != null ? List.of(own) : DEFAULTS.get(i)).toArray(String[]::new);
        }
    }

    /** The field {@code key} fills and its rank there, packed as {@code field * 16 + rank}; -1. */
    int lookup(String key) {
        for (int f = 0; f < COUNT; f++) {
            String[] k = keys[f];
            for (int r = 0; r < k.length; r++) {
                if (k[r].equals(key)) {
                    return f * 16 + r;
                }
            }
        }
        return -1;
    }

    /** Milliseconds per unit of the latency under {@code key}: mapped keys are milliseconds. */
    static double latencyScale(String key) {
        return LATENCY_SECONDS.equals(key) ? 1000.0 : 1.0;
    }

    private static String orDefault(String own, String key) {
        return own != null ? own : key;
    }
}
