package io.logflow.dashboard.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogMetricsExporterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A 10 s window of {@code service} at {@code second}: {@code errors} ERROR, the rest INFO. */
    private static WindowStats window(
            String window, String service, int second, int revision, long count, long errors) {
        return WindowStats.newBuilder()
                .setService(service)
                .setWindow(window)
                .setWindowStart(T0.plusSeconds(second))
                .setWindowEnd(T0.plusSeconds(second + 10))
                .setRevision(revision)
                .setCount(count)
                .setLevelCounts(Map.of("INFO", count - errors, "ERROR", errors))
                .setErrorRate((double) errors / count)
                .setHttpCount(count)
                .setStatusClassCounts(Map.of("2xx", count - errors, "5xx", errors))
                .setLatency(new LatencySummary(10.0, 20.0, 30.0, 40.5, 99.0))
                .setEmittedAt(T0.plusSeconds(second + 12))
                .build();
    }

    private static WindowStats window(String service, int second, int revision, long count) {
        return window("tumbling-10s", service, second, revision, count, 2);
    }

    @Test
    void aLateRevisionAddsOnlyItsDifferenceAndAnOlderOneNothing() {
        LogMetricsExporter exporter = new LogMetricsExporter(null, 10);
        exporter.accept(window("pay", 0, 0, 100));
        exporter.accept(window("pay", 10, 0, 50));
        assertThat(exporter.render())
                .contains("logflow_events_total{service=\"pay\",level=\"INFO\"} 146\n")
                .contains("logflow_events_total{service=\"pay\",level=\"ERROR\"} 4\n")
                .contains("logflow_window_events{service=\"pay\",window=\"tumbling-10s\"} 50\n");
        // Window 0 fires again with 7 late events (5 INFO, 2 more ERROR); then its first firing
        // is read again (a replay) and an equal revision arrives twice: none adds anything.
        exporter.accept(window("tumbling-10s", "pay", 0, 1, 107, 4));
        exporter.accept(window("pay", 0, 0, 100));
        exporter.accept(window("tumbling-10s", "pay", 0, 1, 107, 4));
        String body = exporter.render();
        assertThat(body)
                .contains("logflow_events_total{service=\"pay\",level=\"INFO\"} 151\n")
                .contains("logflow_events_total{service=\"pay\",level=\"ERROR\"} 6\n")
                .contains("logflow_http_responses_total{service=\"pay\",class=\"5xx\"} 6\n")
                .contains("logflow_http_responses_total{service=\"pay\",class=\"2xx\"} 151\n")
                // The newest window is still the later one, whatever was revised before it.
                .contains("logflow_window_events{service=\"pay\",window=\"tumbling-10s\"} 50\n")
                .contains(
                        "logflow_window_end_seconds{service=\"pay\",window=\"tumbling-10s\"} "
                                + T0.plusSeconds(20).getEpochSecond()
                                + "\n")
                .contains(
                        "logflow_http_latency_ms{service=\"pay\",window=\"tumbling-10s\","
                                + "quantile=\"0.99\"} 40.5\n")
                .contains("logflow_error_rate{service=\"pay\",window=\"tumbling-10s\"} 0.04\n")
                .contains("# TYPE logflow_events_total counter\n");
    }

    @Test
    void servicesBeyondTheCapAreSummedUnderOtherAndCounted() {
        LogMetricsExporter exporter = new LogMetricsExporter(null, 2);
        exporter.accept(window("a", 0, 0, 10));
        exporter.accept(window("b", 0, 0, 20));
        exporter.accept(window("c", 0, 0, 30));
        exporter.accept(window("d", 0, 0, 40));
        exporter.accept(window("a", 10, 0, 11));
        String body = exporter.render();
        assertThat(body)
                .contains("logflow_events_total{service=\"a\",level=\"INFO\"} 17\n")
                .contains("logflow_events_total{service=\"b\",level=\"INFO\"} 18\n")
                .contains("logflow_events_total{service=\"_other\",level=\"INFO\"} 66\n")
                .contains("logflow_exporter_services_dropped 2\n")
                .contains("logflow_exporter_services 4\n")
                .doesNotContain("service=\"c\"")
                .doesNotContain("service=\"d\"")
                // Gauges of one window make no sense summed: _other has counters only.
                .doesNotContain("logflow_window_events{service=\"_other\"");
    }

    @Test
    void exportsOneTumblingDefinitionSoSlidingWindowsAreNotCountedTwice() {
        LogMetricsExporter exporter = new LogMetricsExporter(null, 10);
        exporter.accept(window("sliding-20s-10s", "pay", 0, 0, 100, 0));
        exporter.accept(window("tumbling-10s", "pay", 0, 0, 60, 0));
        exporter.accept(window("sliding-20s-10s", "pay", 10, 0, 100, 0));
        assertThat(exporter.window()).isEqualTo("tumbling-10s");
        assertThat(exporter.render())
                .contains("logflow_events_total{service=\"pay\",level=\"INFO\"} 60\n");

        LogMetricsExporter chosen = new LogMetricsExporter("sliding-20s-10s", 10);
        chosen.accept(window("tumbling-10s", "pay", 0, 0, 60, 0));
        chosen.accept(window("sliding-20s-10s", "pay", 0, 0, 100, 0));
        assertThat(chosen.render())
                .contains("logflow_events_total{service=\"pay\",level=\"INFO\"} 100\n");
    }

    @Test
    void aServiceNameWithQuotesIsEscapedNotBreakingTheBody() {
        LogMetricsExporter exporter = new LogMetricsExporter(null, 10);
        exporter.accept(window("we\"ird\\svc\nx", 0, 0, 10));
        assertThat(exporter.render())
                .contains(
                        "logflow_events_total{service=\"we\\\"ird\\\\svc\\n"
                                + "x\",level=\"INFO\"} 8\n");
    }
}
