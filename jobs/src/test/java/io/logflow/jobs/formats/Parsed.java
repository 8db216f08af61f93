package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a format the way the source does: one reset scratch event, copies of what it emits. */
final class Parsed {

    static final String SERVICE = "svc";
    static final FormatSettings SETTINGS = new FormatSettings(SERVICE, Map.of());

    private Parsed() {}

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    static List<CompactEvent> all(LogFormat format, byte[] value, long recordTimestamp)
            throws UnparseableException {
        List<CompactEvent> out = new ArrayList<>();
        CompactEvent scratch = new CompactEvent().reset(recordTimestamp, SERVICE);
        format.parse(value, recordTimestamp, scratch, e -> out.add(copy(e)));
        return out;
    }

    static CompactEvent one(LogFormat format, String line, long recordTimestamp)
            throws UnparseableException {
        return one(format, line.getBytes(StandardCharsets.UTF_8), recordTimestamp);
    }

    static CompactEvent one(LogFormat format, byte[] value, long recordTimestamp)
            throws UnparseableException {
        List<CompactEvent> events = all(format, value, recordTimestamp);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }

    private static CompactEvent copy(CompactEvent e) {
        CompactEvent c = new CompactEvent();
        c.timestamp = e.timestamp;
        c.service = e.service;
        c.host = e.host;
        c.level = e.level;
        c.message = e.message;
        c.http = e.http;
        c.path = e.path;
        c.status = e.status;
        c.latencyMs = e.latencyMs;
        c.responseBytes = e.responseBytes;
        c.clientIp = e.clientIp;
        c.method = e.method;
        c.userAgent = e.userAgent;
        return c;
    }
}
