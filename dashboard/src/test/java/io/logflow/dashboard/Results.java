package io.logflow.dashboard;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertItem;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.LogPattern;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Window results, alerts and log templates for dashboard tests. */
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

    /**
     * An error-rate alert of {@code service} whose transition happens {@code second}s after T0, for
     * the 10-second window ending then.
     */
    static Alert alert(String id, String service, AlertState state, int second) {
        return Alert.newBuilder()
                .setAlertId(id)
                .setKind(AlertKind.ERROR_RATE_SPIKE)
                .setState(state)
                .setService(service)
                .setWindow("tumbling-10s")
                .setWindowStart(T0.plusSeconds(second - 10))
                .setWindowEnd(T0.plusSeconds(second))
                .setEventTime(T0.plusSeconds(second))
                .setValue(0.25)
                .setBaseline(0.01)
                .setThreshold(0.05)
                .setSummary("Error rate 25.0 % vs baseline 1.0 %")
                .setEvidence(Map.of("errors", "25", "count", "100"))
                .setTopPaths(List.of(new AlertItem("/api/cart", 80L)))
                .setTopErrors(List.of(new AlertItem("<b>boom</b>", 25L)))
                .build();
    }

    /**
     * Template {@code id} of {@code service} in the 10-second window starting {@code second}s after
     * T0.
     */
    static LogPattern pattern(
            String service, int second, long id, String template, long count, long errors) {
        return LogPattern.newBuilder()
                .setService(service)
                .setWindowStart(T0.plusSeconds(second))
                .setWindowEnd(T0.plusSeconds(second + 10))
                .setTemplateId(id)
                .setTemplate(template)
                .setCount(count)
                .setErrorCount(errors)
                .setFirstSeen(T0.plusSeconds(second))
                .setExample(template.replace("<*>", "42") + " @" + second)
                .setNewTemplate(false)
                .setNewError(false)
                .build();
    }
}
