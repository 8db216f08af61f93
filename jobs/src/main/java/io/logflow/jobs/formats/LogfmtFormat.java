package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * logfmt lines ({@code ts=... level=warn msg="quoted \"text\"" status=500 duration=12ms}): pairs of
 * key and bare or quoted value, bare keys ignored; the first pair of a field wins.
 *
 * <p>Default keys per field, each replaced by {@link FormatSettings#field} when configured:
 * timestamp {@code ts time timestamp @timestamp} (RFC 3339 or an epoch number), level {@code level
 * lvl severity}, message {@code msg message}, service {@code service service.name app}, host {@code
 * host hostname}, path {@code path http.path url} (query dropped), status {@code status
 * http.status}, latency {@code duration latency latency_ms elapsed} ({@link Durations}: a plain
 * number is millis), bytes {@code bytes size}, client IP {@code client_ip ip remote_addr}, method
 * {@code method http.method}, user agent {@code user_agent ua}. A line with no message key is its
 * own message, so the template miner still sees it. A value that does not parse leaves its field at
 * the default. HTTP fields count when a status or path is present.
 */
public final class LogfmtFormat implements LogFormat {

    /** The format name. */
    public static final String NAME = "logfmt";

    private static final long serialVersionUID = 1L;

    // logfmt's own order (the message before the service), then the shared HTTP fields.
    private static final String[] FIELDS =
            Stream.concat(
                            Stream.of("timestamp", "level", "message", "service", "host"),
                            FormatSettings.HTTP_FIELDS.stream())
                    .toArray(String[]::new);
    private static final List<List<String>> DEFAULT_KEYS =
            List.of(
                    List.of("ts", "time", "timestamp", "@timestamp"),
                    List.of("level", "lvl", "severity"),
                    List.of("msg", "message"),
                    List.of("service", "service.name", "app"),
                    List.of("host", "hostname"),
                    List.of("path", "http.path", "url"),
                    List.of("status", "http.status"),
                    List.of("duration", "latency", "latency_ms", "elapsed"),
                    List.of("bytes", "size"),
                    List.of("client_ip", "ip", "remote_addr"),
                    List.of("method", "http.method"),
                    List.of("user_agent", "ua"));
    private static final int TS = 0, LEVEL = 1, MSG = 2, SERVICE = 3, HOST = 4, PATH = 5;
    private static final int STATUS = 6, LATENCY = 7, BYTES = 8, IP = 9, METHOD = 10, UA = 11;

    /** Every key this instance reads, and the field each one fills. */
    private final byte[][] keys;

    private final int[] fieldOfKey;

    // Per parse: where each field's value lies. One instance serves one task thread.
    private transient int[] from;
    private transient int[] to;
    private transient boolean[] escaped;

    public LogfmtFormat(FormatSettings settings) {
        List<byte[]> k = new java.util.ArrayList<>();
        List<Integer> f = new java.util.ArrayList<>();
        for (int field = 0; field < FIELDS.length; field++) {
            String configured = settings.field(FIELDS[field]);
            boolean own = configured != null && !configured.isEmpty();
            for (String key : own ? List.of(configured) : DEFAULT_KEYS.get(field)) {
                k.add(key.getBytes(StandardCharsets.UTF_8));
                f.add(field);
            }
        }
        keys = k.toArray(new byte[0][]);
        fieldOfKey = f.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void parse(byte[] b, long recordTimestamp, CompactEvent e, Consumer<CompactEvent> out)
            throws UnparseableException {
        if (from == null) {
            from = new int[FIELDS.length];
            to = new int[FIELDS.length];
            escaped = new boolean[FIELDS.length];
        }
        java.util.Arrays.fill(from, -1);
        int end = Bytes.trimEnd(b, 0, b.length);
        int start = skipBlank(b, 0, end);
        if (start == end) {
            throw new UnparseableException("empty logfmt line");
        }
        if (scan(b, start, end) == 0) {
            throw new UnparseableException("no key=value pair");
        }
        long ts = has(TS) ? timestamp(b, from[TS], to[TS]) : Timestamps.INVALID;
        if (ts != Timestamps.INVALID) {
            e.timestamp = ts;
        }
        Level level = has(LEVEL) ? Levels.parse(b, from[LEVEL], to[LEVEL]) : null;
        if (level != null) {
            e.level = level;
        }
        e.message = has(MSG) ? value(b, MSG) : Bytes.utf8(b, start, end);
        if (has(SERVICE) && to[SERVICE] > from[SERVICE]) {
            e.service = value(b, SERVICE);
        }
        e.host = has(HOST) ? value(b, HOST) : null;
        long status = has(STATUS) ? Bytes.parseLong(b, from[STATUS], to[STATUS]) : -1;
        if (status >= 0 && status <= 999) {
            e.status = (int) status;
            e.http = true;
        }
        if (has(PATH)) {
            int q = from[PATH];
            while (q < to[PATH] && b[q] != '?' && b[q] != '#') {
                q++;
            }
            to[PATH] = q;
            e.path = value(b, PATH);
            e.http = true;
        }
        if (has(LATENCY)) {
            e.latencyMs = Durations.parseMillis(b, from[LATENCY], to[LATENCY]);
        }
        long bytes = has(BYTES) ? Bytes.parseLong(b, from[BYTES], to[BYTES]) : -1;
        e.responseBytes = Math.max(bytes, 0);
        e.clientIp = has(IP) && to[IP] > from[IP] ? value(b, IP) : null;
        if (has(METHOD)) {
            e.method =
                    escaped[METHOD]
                            ? HttpMethods.of(value(b, METHOD))
                            : HttpMethods.of(b, from[METHOD], to[METHOD]);
        }
        e.userAgent = has(UA) && to[UA] > from[UA] ? value(b, UA) : null;
        out.accept(e);
    }

    /** Records the value range of every wanted key; returns the number of key=value pairs. */
    private int scan(byte[] b, int i, int end) throws UnparseableException {
        int pairs = 0;
        while (i < end) {
            int key = i;
            while (i < end && !blank(b[i]) && b[i] != '=' && b[i] != '"') {
                i++;
            }
            int keyEnd = i;
            if (i < end && b[i] == '"') {
                // A quoted word where a key belongs: not logfmt's grammar, but skip it whole.
                int close = AccessLogFormat.closingQuote(b, i + 1, end);
                i = close < 0 ? end : close + 1;
            } else if (i < end && b[i] == '=') {
                int value = ++i;
                boolean quoted = i < end && b[i] == '"';
                boolean hasEscape = false;
                if (quoted) {
                    int j = ++value;
                    while (j < end && b[j] != '"') {
                        hasEscape |= b[j] == '\\';
                        j += b[j] == '\\' ? 2 : 1;
                    }
                    if (j >= end) {
                        String name = Bytes.utf8(b, key, Math.min(keyEnd, key + 64));
                        throw new UnparseableException(
                                "quoted value of '" + name + "' is not closed");
                    }
                    i = j + 1;
                } else {
                    while (i < end && !blank(b[i])) {
                        i++;
                    }
                }
                pairs += keyEnd > key ? 1 : 0;
                remember(b, key, keyEnd, value, quoted ? i - 1 : i, hasEscape);
            }
            i = skipBlank(b, i, end);
        }
        return pairs;
    }

    private void remember(byte[] b, int key, int keyEnd, int value, int valueEnd, boolean esc) {
        int len = keyEnd - key;
        for (int k = 0; k < keys.length; k++) {
            byte[] candidate = keys[k];
            if (candidate.length == len && candidate[0] == b[key] && equal(candidate, b, key)) {
                int field = fieldOfKey[k];
                if (from[field] < 0) {
                    from[field] = value;
                    to[field] = valueEnd;
                    escaped[field] = esc;
                }
                return;
            }
        }
    }

    private static boolean equal(byte[] key, byte[] b, int at) {
        for (int i = 1; i < key.length; i++) {
            if (key[i] != b[at + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean has(int field) {
        return from[field] >= 0;
    }

    private String value(byte[] b, int field) {
        return escaped[field]
                ? Escapes.unquote(b, from[field], to[field])
                : Bytes.utf8(b, from[field], to[field]);
    }

    private static long timestamp(byte[] b, int from, int to) {
        boolean iso = Bytes.indexOf(b, from, to, (byte) '-') > 0;
        return iso ? Timestamps.parseIso(b, from, to) : Timestamps.parseEpoch(b, from, to);
    }

    private static boolean blank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipBlank(byte[] b, int i, int end) {
        while (i < end && blank(b[i])) {
            i++;
        }
        return i;
    }
}
