package io.logflow.jobs.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * JSON lines, one object per record, read with Jackson's streaming parser: no tree, no map, only
 * the values of the keys {@link JsonFields} names are kept as strings. Nested objects are walked,
 * so {@code {"log":{"level":"warn"}}} and {@code {"log.level":"warn"}} both give the level; arrays
 * are skipped. HTTP fields count when a status or a path is present.
 */
public final class JsonFormat implements LogFormat {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private final FormatSettings settings;
    private final JsonFields fields;
    private transient JsonFactory factory;
    private transient String[] path;
    private transient Object[] values;
    private transient int[] ranks;
    private transient String[] keys;
    private transient int[] hashes;
    private transient int[] table;

    public JsonFormat(FormatSettings settings) {
        this.settings = settings;
        this.fields = new JsonFields(settings);
    }

    @Override
    public void parse(
            byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException {
        if (factory == null) {
            factory = new JsonFactory();
            path = new String[MAX_DEPTH];
            values = new Object[JsonFields.COUNT];
            ranks = new int[JsonFields.COUNT];
            keys = new String[JsonFields.COUNT];
            hashes = new int[MAX_DEPTH];
            table = fields.table();
        }
        Arrays.fill(values, null);
        Arrays.fill(ranks, Integer.MAX_VALUE);
        try (JsonParser p = factory.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnparseableException("not a JSON object");
            }
            read(p);
            if (p.nextToken() != null) {
                throw new UnparseableException("more than one JSON value in the record");
            }
        } catch (IOException e) {
            throw new UnparseableException(
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        fill(scratch.reset(recordTimestamp, settings.service()));
        out.accept(scratch);
    }

    /** Walks one object whose START_OBJECT was just read, keeping the values of known keys. */
    private void read(JsonParser p) throws IOException, UnparseableException {
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case FIELD_NAME:
                    String name = p.currentName();
                    path[depth] = name;
                    hashes[depth] =
                            depth == 0
                                    ? name.hashCode()
                                    : JsonFields.append(hashes[depth - 1], name);
                    break;
                case START_OBJECT:
                    if (++depth >= MAX_DEPTH) {
                        throw new UnparseableException("objects nested deeper than " + MAX_DEPTH);
                    }
                    break;
                case END_OBJECT:
                    if (depth-- == 0) {
                        return;
                    }
                    break;
                case START_ARRAY:
                    p.skipChildren();
                    break;
                default:
                    keep(p, t, depth);
            }
        }
        throw new UnparseableException("the JSON object does not end");
    }

    private void keep(JsonParser p, JsonToken t, int depth) throws IOException {
        // Candidates whose key hashes like this path (almost always none or one), checked whole.
        int h = hashes[depth];
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (fields.hash[i] != h) {
                continue;
            }
            int f = fields.field[i];
            if (fields.rank[i] >= ranks[f] || !matches(depth, fields.key[i])) {
                continue;
            }
            ranks[f] = fields.rank[i];
            keys[f] = fields.key[i];
            values[f] =
                    t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                            ? (Object) p.getDoubleValue()
                            : t == JsonToken.VALUE_NULL
                                    ? null
                                    : f == JsonFields.METHOD
                                            // The common methods without a string per line.
                                            ? HttpMethods.of(
                                                    p.getTextCharacters(),
                                                    p.getTextOffset(),
                                                    p.getTextLength())
                                            : p.getText();
        }
    }

    /** Whether the names from the top down to {@code depth}, joined by dots, are {@code key}. */
    private boolean matches(int depth, String key) {
        int length = depth;
        for (int d = 0; d <= depth; d++) {
            length += path[d].length();
        }
        if (length != key.length()) {
            return false;
        }
        int at = 0;
        for (int d = 0; d <= depth; d++) {
            String name = path[d];
            if (!key.regionMatches(at, name, 0, name.length())) {
                return false;
            }
            at += name.length();
            if (d < depth && key.charAt(at++) != '.') {
                return false;
            }
        }
        return true;
    }

    private void fill(CompactEvent e) throws UnparseableException {
        Object ts = values[JsonFields.TIMESTAMP];
        if (ts != null) {
            e.timestamp = time(ts);
        }
        Object level = values[JsonFields.LEVEL];
        if (level != null) {
            Level l =
                    level instanceof Double d
                            ? numericLevel(keys[JsonFields.LEVEL], d.intValue())
                            : Levels.parse((String) level);
            if (l != null) {
                e.level = l;
            }
        }
        String service = text(JsonFields.SERVICE);
        if (service != null && !service.isEmpty()) {
            e.service = service;
        }
        e.host = text(JsonFields.HOST);
        String message = text(JsonFields.MESSAGE);
        e.message = message == null ? "" : message;
        String path = text(JsonFields.PATH);
        Object status = values[JsonFields.STATUS];
        if (path == null && status == null) {
            return;
        }
        e.http = true;
        e.path = path == null ? "" : withoutQuery(path);
        e.status = status == null ? 0 : (int) number(JsonFields.STATUS);
        if (values[JsonFields.LATENCY] != null) {
            e.latencyMs =
                    number(JsonFields.LATENCY) * JsonFields.latencyScale(keys[JsonFields.LATENCY]);
        }
        if (values[JsonFields.BYTES] != null) {
            e.responseBytes = (long) number(JsonFields.BYTES);
        }
        e.clientIp = text(JsonFields.CLIENT_IP);
        e.method = text(JsonFields.METHOD);
        String agent = text(JsonFields.USER_AGENT);
        e.userAgent = agent == null || agent.isEmpty() ? null : agent;
    }

    private long time(Object ts) throws UnparseableException {
        if (ts instanceof Double d) {
            // A fraction means seconds (1732615200.123); a whole number's unit is its magnitude.
            long millis =
                    d == Math.rint(d) ? Timestamps.fromEpoch(d.longValue()) : Math.round(d * 1000);
            if (millis == Timestamps.INVALID) {
                throw new UnparseableException(
                        keys[JsonFields.TIMESTAMP] + " " + number(d) + " is not an epoch time");
            }
            return millis;
        }
        String s = (String) ts;
        long millis = Timestamps.parseIso(s);
        if (millis == Timestamps.INVALID) {
            millis = Timestamps.parseEpoch(s);
        }
        if (millis == Timestamps.INVALID) {
            throw new UnparseableException(
                    "timestamp '"
                            + abbreviate(s)
                            + "' ("
                            + keys[JsonFields.TIMESTAMP]
                            + ") is not a time");
        }
        return millis;
    }

    /**
     * A number under a severity key is OpenTelemetry's severity number (1–24); under any other key
     * multiples of ten up to 60 are pino's and bunyan's levels (10 trace … 60 fatal).
     */
    static Level numericLevel(String key, int n) {
        if (!key.startsWith("severity") && n % 10 == 0 && n >= 10 && n <= 60) {
            return Level.values()[n / 10 - 1];
        }
        return Levels.fromOtelSeverity(n);
    }

    private String text(int field) {
        Object v = values[field];
        return v == null ? null : v instanceof Double d ? number(d) : (String) v;
    }

    private double number(int field) throws UnparseableException {
        Object v = values[field];
        if (v instanceof Double d) {
            return d;
        }
        try {
            return Double.parseDouble(((String) v).trim());
        } catch (NumberFormatException e) {
            throw new UnparseableException(
                    keys[field] + " '" + abbreviate((String) v) + "' is not a number");
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString((long) d)
                : Double.toString(d);
    }

    static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
