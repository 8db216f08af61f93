package io.logflow.jobs.analytics.functions;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-crafted {@link LogEvent}s whose every metric-relevant field the test chooses. */
final class LogEvents {

    private LogEvents() {}

    static LogEvent event(Level level, String host, String message, HttpInfo http) {
        return LogEvent.newBuilder()
                .setTimestamp(Instant.EPOCH)
                .setService("checkout")
                .setHost(host)
                .setLevel(level)
                .setMessage(message)
                .setHttp(http)
                .build();
    }

    static LogEvent event(Level level, String host, HttpInfo http) {
        return event(level, host, "ok", http);
    }

    static HttpInfo http(String path, int status, double latencyMs, long bytes, String clientIp) {
        return HttpInfo.newBuilder()
                .setMethod("GET")
                .setPath(path)
                .setStatus(status)
                .setLatencyMs(latencyMs)
                .setResponseBytes(bytes)
                .setClientIp(clientIp)
                .build();
    }

    /**
     * {@code count} varied events: six levels, five status classes, a seventh without HTTP, a sixth
     * of them without client IP. (devstack's {@code TestEvents} would do, but devstack cannot be
     * installed offline yet, so this module's tests cannot depend on it.)
     */
    static List<LogEvent> varied(int count) {
        Level[] levels = Level.values();
        int[] statuses = {200, 201, 304, 404, 500, 101, 600};
        List<LogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpInfo http =
                    i % 7 == 3
                            ? null
                            : http(
                                    "/api/" + (i % 11),
                                    statuses[i % statuses.length],
                                    1.5 + (i % 97),
                                    100L * i,
                                    i % 6 == 0 ? null : "10.0." + (i / 250) % 4 + "." + i % 250);
            events.add(event(levels[i % levels.length], "host-" + (i % 9), "msg " + (i % 5), http));
        }
        return events;
    }

    static WindowAccumulator accumulate(List<LogEvent> events) {
        WindowAccumulator acc = new WindowAccumulator();
        events.forEach(acc::add);
        return acc;
    }
}
