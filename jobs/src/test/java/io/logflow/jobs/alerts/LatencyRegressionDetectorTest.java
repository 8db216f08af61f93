package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LatencyRegressionDetectorTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> harness(
            AlertSettings settings) throws Exception {
        return Windows.harness(new LatencyRegressionDetector(settings), WindowStats::getService);
    }

    @Test
    void firesAfterTwoSlowWindowsInARowIgnoringWindowsDominatedByErrors() throws Exception {
        try (var h = harness(settings().latencyWindows(2).build())) {
            double[] p99 = {100, 110, 90, 105, 95};
            for (int n = 0; n < p99.length; n++) {
                send(h, window("search", n, 1000, 0.01, p99[n]));
            }
            send(h, window("search", 5, 1000, 0.01, 500.0)); // one slow window is not enough
            send(h, window("search", 6, 1000, 0.20, 3000.0)); // an error spike: not judged
            send(h, window("search", 7, 1000, 0.01, 500.0));
            send(h, window("search", 8, 50, 0.01, 500.0)); // too few requests: not judged
            send(h, window("search", 9, 1000, 0.01, 500.0));
            assertThat(h.extractOutputValues()).isEmpty();
            send(h, window("search", 10, 1000, 0.01, 600.0));
            send(h, window("search", 11, 1000, 0.01, 700.0));
            send(h, window("search", 12, 1000, 0.01, 100.0));
            send(h, window("search", 13, 1000, 0.01, 101.0));

            assertThat(h.extractOutputValues()).hasSize(2);
            Alert firing = h.extractOutputValues().get(0);
            assertThat(firing.getAlertId()).isEqualTo("search|LATENCY_REGRESSION|" + at(10));
            assertThat(firing.getKind()).isEqualTo(AlertKind.LATENCY_REGRESSION);
            assertThat(firing.getState()).isEqualTo(AlertState.FIRING);
            assertThat(firing.getValue()).isEqualTo(600.0);
            assertThat(firing.getBaseline()).isEqualTo(100.0);
            // 2 x median (200) is above median + 6 robust deviations (100 + 6 * 1.4826 * 5).
            assertThat(firing.getThreshold()).isEqualTo(200.0);
            assertThat(firing.getEvidence()).containsEntry("p99", "600.0");
            Alert resolved = h.extractOutputValues().get(1);
            assertThat(resolved.getAlertId()).isEqualTo(firing.getAlertId());
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getWindowStart())
                    .isEqualTo(firing.getWindowStart().plusSeconds(30));

            h.processWatermark(14 * STEP + TTL.toMillis() + TTL.toMillis() / 8);
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void anAbsoluteSloFiresWithoutABaseline() throws Exception {
        try (var h = harness(settings().latencyWindows(1).latencySloMs(250).build())) {
            send(h, window("payments", 0, 1000, 0.01, 200.0));
            send(h, window("payments", 1, 1000, 0.01, 260.0));
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            a -> {
                                assertThat(a.getAlertId())
                                        .isEqualTo("payments|LATENCY_REGRESSION|" + at(1));
                                assertThat(a.getThreshold()).isEqualTo(250.0);
                                assertThat(a.getBaseline()).isEqualTo(200.0);
                            });
        }
    }

    @Test
    void theSloCapsARelativeThresholdAboveIt() throws Exception {
        try (var h = harness(settings().latencyWindows(1).latencySloMs(150).build())) {
            for (int n = 0; n < 5; n++) {
                send(h, window("payments", n, 1000, 0.01, 100.0));
            }
            send(h, window("payments", 5, 1000, 0.01, 160.0));
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getThreshold)
                    .containsExactly(150.0);
        }
    }
}
