package io.logflow.jobs.formats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys a JSON line may carry each logical field under, most specific first: Elastic Common
 * Schema names, OpenTelemetry's, then the plain ones shippers and loggers write. A source's mapping
 * ({@link FormatSettings#field}) replaces a field's list with its one key. A dotted key matches a
 * literal dotted name and the same path through nested objects alike.
 */
final class JsonFields implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int TIMESTAMP = 0;
    static final int LEVEL = 1;
    static final int SERVICE = 2;
    static final int HOST = 3;
    static final int MESSAGE = 4;
    static final int PATH = 5;
    static final int STATUS = 6;
    static final int LATENCY = 7;
    static final int BYTES = 8;
    static final int CLIENT_IP = 9;
    static final int METHOD = 10;
    static final int USER_AGENT = 11;
    static final int COUNT = 12;

    // The logical fields in the order of the indexes above: the same as FormatSettings.FIELDS.
    private static final String[] LOGICAL = FormatSettings.FIELDS.toArray(String[]::new);

    private static final List<List<String>> DEFAULTS =
            List.of(
                    List.of("@timestamp", "timestamp", "ts", "time", "date"),
                    List.of(
                            "log.level",
                            "level",
                            "severity_text",
                            "severityText",
                            "severity",
                            "lvl",
                            "levelname",
                            "loglevel",
                            "severity_number",
                            "severityNumber"),
                    List.of("service.name", "service", "app", "application", "component"),
                    List.of("host.name", "host", "hostname"),
                    List.of("message", "msg", "body", "log"),
                    List.of("url.path", "http.path", "path", "uri", "url.original", "url"),
                    List.of(
                            "http.response.status_code",
                            "http.status_code",
                            "status_code",
                            "status"),
                    // ECS event.duration is nanoseconds, request_time seconds (nginx), the rest ms.
                    List.of(
                            "event.duration",
                            "duration_ms",
                            "latency_ms",
                            "elapsed_ms",
                            "response_time_ms",
                            "request_time",
                            "duration",
                            "latency"),
                    List.of(
                            "http.response.body.bytes",
                            "response_bytes",
                            "body_bytes_sent",
                            "bytes",
                            "size"),
                    List.of("client.ip", "source.ip", "client_ip", "remote_addr", "ip"),
                    List.of("http.request.method", "http.method", "method"),
                    List.of("user_agent.original", "http.user_agent", "user_agent", "ua"));

    /** Per candidate key: its field, its rank in the field's list, its text. */
    final int[] field;

    final int[] rank;
    final String[] key;
    final int[] hash;

    JsonFields(FormatSettings settings) {
        List<Integer> f = new ArrayList<>();
        List<Integer> r = new ArrayList<>();
        List<String> k = new ArrayList<>();
        Map<String, String> mapped = settings.fields();
        for (int i = 0; i < COUNT; i++) {
            String own = mapped.get(LOGICAL[i]);
            List<String> keys = own != null ? List.of(own) : DEFAULTS.get(i);
            for (int j = 0; j < keys.size(); j++) {
                f.add(i);
                r.add(j);
                k.add(keys.get(j));
            }
        }
        field = f.stream().mapToInt(Integer::intValue).toArray();
        rank = r.stream().mapToInt(Integer::intValue).toArray();
        key = k.toArray(String[]::new);
        hash = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            hash[i] = key[i].hashCode();
        }
    }

    /**
     * An open-addressing table of candidate index + 1 by key hash: a JSON path is looked up by the
     * hash {@link #append} builds from its names, without joining them into a string.
     */
    int[] table() {
        int size = Integer.highestOneBit(key.length * 4 - 1) << 1;
        int[] table = new int[size];
        for (int i = 0; i < key.length; i++) {
            int slot = hash[i] & (size - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = i + 1;
        }
        return table;
    }

    /**
     * An open-addressing table of the hashes of the keys' dotted prefixes ({@code http} and {@code
     * http.response} of {@code http.response.status_code}), each with bit 32 set to mark the slot
     * used: an object whose path is none of them holds no key and is skipped, not walked.
     */
    long[] prefixes() {
        List<Integer> hashes = new ArrayList<>();
        for (String k : key) {
            for (int dot = k.indexOf('.'); dot > 0; dot = k.indexOf('.', dot + 1)) {
                hashes.add(k.substring(0, dot).hashCode());
            }
        }
        int size = Integer.highestOneBit(Math.max(hashes.size(), 1) * 4 - 1) << 1;
        long[] table = new long[size];
        for (int h : hashes) {
            int slot = h & (size - 1);
            while (table[slot] != 0 && (int) table[slot] != h) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = 1L << 32 | (h & 0xFFFFFFFFL);
        }
        return table;
    }

    /** Whether {@code h} is in a table of {@link #prefixes}. */
    static boolean isPrefix(long[] table, int h) {
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if ((int) table[slot] == h) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds per unit of a latency under {@code key}. */
    static double latencyScale(String key) {
        switch (key) {
            case "event.duration":
                return 1e-6;
            case "request_time":
                return 1000.0;
            default:
                return 1.0;
        }
    }
}
