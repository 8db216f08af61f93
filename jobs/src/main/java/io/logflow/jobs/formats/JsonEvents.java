package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;

/**
 * The compact event of one JSON line's kept values ({@link JsonValues}): time, level and path read
 * from the line's bytes where they are plain ASCII, strings built only for the fields the event
 * holds. HTTP fields count when a status or a path is present.
 */
final class JsonEvents {

    private JsonEvents() {}

    static void fill(JsonValues values, CompactEvent e) throws UnparseableException {
        if (values.has(JsonFields.TIMESTAMP)) {
            e.timestamp = time(values);
        }
        Level level = level(values);
        if (level != null) {
            e.level = level;
        }
        String service = values.string(JsonFields.SERVICE);
        if (service != null && !service.isEmpty()) {
            e.service = service;
        }
        e.host = values.string(JsonFields.HOST);
        String message = values.string(JsonFields.MESSAGE);
        e.message = message == null ? "" : message;
        boolean hasPath = values.has(JsonFields.PATH);
        if (!hasPath && !values.has(JsonFields.STATUS)) {
            return;
        }
        e.http = true;
        e.path = hasPath ? path(values) : "";
        e.status = values.has(JsonFields.STATUS) ? (int) number(values, JsonFields.STATUS) : 0;
        if (values.has(JsonFields.LATENCY)) {
            e.latencyMs =
                    number(values, JsonFields.LATENCY)
                            * JsonFields.latencyScale(values.key[JsonFields.LATENCY]);
        }
        if (values.has(JsonFields.BYTES)) {
            e.responseBytes = (long) number(values, JsonFields.BYTES);
        }
        e.clientIp = values.string(JsonFields.CLIENT_IP);
        e.method =
                values.isAsciiBytes(JsonFields.METHOD)
                        ? HttpMethods.of(
                                values.line(),
                                values.from(JsonFields.METHOD),
                                values.to(JsonFields.METHOD))
                        : HttpMethods.of(values.string(JsonFields.METHOD));
        String agent = values.string(JsonFields.USER_AGENT);
        e.userAgent = agent == null || agent.isEmpty() ? null : agent;
    }

    /** The path without its query, cut in the line's bytes when it is there. */
    private static String path(JsonValues values) {
        int f = JsonFields.PATH;
        if (!values.isAsciiBytes(f)) {
            return JsonFormat.withoutQuery(values.string(f));
        }
        int q = Bytes.indexOf(values.line(), values.from(f), values.to(f), (byte) '?');
        return Bytes.ascii(values.line(), values.from(f), q < 0 ? values.to(f) : q);
    }

    private static Level level(JsonValues values) {
        int f = JsonFields.LEVEL;
        if (!values.has(f)) {
            return null;
        }
        if (values.isNumber(f)) {
            return numericLevel(values.key[f], (int) values.numberOf(f));
        }
        return values.isAsciiBytes(f)
                ? Levels.parse(values.line(), values.from(f), values.to(f))
                : Levels.parse(values.string(f));
    }

    private static long time(JsonValues values) throws UnparseableException {
        int f = JsonFields.TIMESTAMP;
        if (values.isNumber(f)) {
            double d = values.numberOf(f);
            // A fraction means seconds (1732615200.123); a whole number's unit is its magnitude.
            long millis = d == Math.rint(d) ? Timestamps.fromEpoch((long) d) : Math.round(d * 1000);
            if (millis == Timestamps.INVALID) {
                throw new UnparseableException(
                        values.key[f] + " " + JsonValues.number(d) + " is not an epoch time");
            }
            return millis;
        }
        long millis;
        if (values.isAsciiBytes(f)) {
            byte[] b = values.line();
            millis = Timestamps.parseIso(b, values.from(f), values.to(f));
            if (millis == Timestamps.INVALID) {
                millis = Timestamps.parseEpoch(b, values.from(f), values.to(f));
            }
        } else {
            String s = values.string(f);
            millis = Timestamps.parseIso(s);
            if (millis == Timestamps.INVALID) {
                millis = Timestamps.parseEpoch(s);
            }
        }
        if (millis == Timestamps.INVALID) {
            throw new UnparseableException(
                    "timestamp '"
                            + abbreviate(values.string(f))
                            + "' ("
                            + values.key[f]
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

    private static double number(JsonValues values, int field) throws UnparseableException {
        if (values.isNumber(field)) {
            return values.numberOf(field);
        }
        String v = values.string(field);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UnparseableException(
                    values.key[field] + " '" + abbreviate(v) + "' is not a number");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
