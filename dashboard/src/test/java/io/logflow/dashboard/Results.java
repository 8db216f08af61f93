package io.logflow.dashboard;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Window results for dashboard tests. */
final class Results {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private Results() {}

    /** A 10-second window of {@code service} starting {@code second}s after T0. */
    static WindowStats window(String service, int second, long count, int revision) {
        return WindowStats.newBuilder()
                .setService(service)
                .setWindow("tumbling-10s")
                .setWindowStart(T0.plusSeconds(second))
                .setWindowEnd(T0.plusSeconds(second + 10))
                .setRevision(revision)
                .setCount(count)
                .setLevelCounts(Map.of("INFO", count - 2, "ERROR", 2L))
                .setErrorRate(2.0 / count)
                .setHttpCount(count)
                .setStatusClassCounts(Map.of("2xx", count - 3, "4xx", 2L, "5xx", 1L))
                .setLatency(new LatencySummary(10.0, 20.0, 30.0, 40.0, 50.0))
                .setDistinctClientIps(7)
                .setTopPaths(List.of(new TopItem("/api/cart", count - 1)))
                .setTopErrors(List.of(new TopItem("<script>alert(1)</script>", 2L)))
                .setEmittedAt(T0.plusSeconds(second + 15))
                .build();
    }
}
