package io.logflow.devstack.generator;

import io.logflow.schema.LogEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Small statistics over generated events, shared by the traffic model tests. */
final class TrafficSamples {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private TrafficSamples() {}

    static TrafficConfig.Builder config(long seed) {
        return TrafficConfig.builder().seed(seed).start(START);
    }

    /** Offset of the event's timestamp from {@link #START}, in millis. */
    static long offset(LogEvent e) {
        return e.getTimestamp().toEpochMilli() - START.toEpochMilli();
    }

    /** The {@code q}-quantile (0..1) of the latencies of request events matching {@code filter}. */
    static double latencyQuantile(List<LogEvent> events, Predicate<LogEvent> filter, double q) {
        double[] latencies =
                events.stream()
                        .filter(e -> e.getHttp() != null)
                        .filter(filter)
                        .mapToDouble(e -> e.getHttp().getLatencyMs())
                        .toArray();
        if (latencies.length == 0) {
            throw new AssertionError("No request events match");
        }
        Arrays.sort(latencies);
        return latencies[(int) Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    }

    /** Share of request events matching {@code filter} that answered 5xx. */
    static double serverErrorShare(List<LogEvent> events, Predicate<LogEvent> filter) {
        long requests = 0;
        long errors = 0;
        for (LogEvent e : events) {
            if (e.getHttp() != null && filter.test(e)) {
                requests++;
                errors += e.getHttp().getStatus() >= 500 ? 1 : 0;
            }
        }
        if (requests == 0) {
            throw new AssertionError("No request events match");
        }
        return (double) errors / requests;
    }

    static Predicate<LogEvent> within(long fromMillis, long toMillis) {
        return e -> offset(e) >= fromMillis && offset(e) < toMillis;
    }

    static Predicate<LogEvent> service(String name) {
        return e -> e.getService().equals(name);
    }

    static Predicate<LogEvent> path(String path) {
        return e -> e.getHttp() != null && e.getHttp().getPath().equals(path);
    }
}
