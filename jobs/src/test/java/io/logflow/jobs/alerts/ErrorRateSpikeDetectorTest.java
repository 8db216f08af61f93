package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertItem;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ErrorRateSpikeDetectorTest {

    private static final double[] NORMAL = {0.010, 0.012, 0.011, 0.009, 0.010};

    private KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> harness()
            throws Exception {
        return Windows.harness(
                new ErrorRateSpikeDetector(settings().build()), WindowStats::getService);
    }

    private void warmUp(KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> h)
            throws Exception {
        for (int n = 0; n < NORMAL.length; n++) {
            send(h, window("checkout", n, 1000, NORMAL[n], 100.0));
            h.processWatermark(closing(n));
        }
    }

    @Test
    void firesOnceWhileSpikingResolvesAfterTwoNormalWindowsAndForgetsAfterTtl() throws Exception {
        try (var h = harness()) {
            warmUp(h);
            assertThat(h.extractOutputValues()).isEmpty();

            send(h, window("checkout", 5, 1000, 0.30, 100.0));
            send(h, window("checkout", 6, 1000, 0.28, 100.0)); // still firing: deduplicated
            send(h, window("checkout", 7, 10, 0.50, 100.0)); // below min volume: not judged
            send(h, revised(window("checkout", 4, 1000, 0.90, 100.0), 1)); // late re-fire
            send(h, window("checkout", 8, 1000, 0.010, 100.0));
            assertThat(h.extractOutputValues()).hasSize(1);
            send(h, window("checkout", 9, 1000, 0.011, 100.0));

            assertThat(h.extractOutputValues()).hasSize(2);
            Alert firing = h.extractOutputValues().get(0);
            assertThat(firing.getAlertId()).isEqualTo("checkout|ERROR_RATE_SPIKE|" + at(5));
            assertThat(firing.getKind()).isEqualTo(AlertKind.ERROR_RATE_SPIKE);
            assertThat(firing.getState()).isEqualTo(AlertState.FIRING);
            assertThat(firing.getService()).isEqualTo("checkout");
            assertThat(firing.getWindow()).isEqualTo("tumbling-10s");
            assertThat(firing.getWindowStart()).isEqualTo(Instant.ofEpochMilli(5 * STEP));
            assertThat(firing.getEventTime()).isEqualTo(Instant.ofEpochMilli(6 * STEP));
            assertThat(firing.getValue()).isEqualTo(0.30);
            assertThat(firing.getBaseline()).isEqualTo(0.010);
            // MAD 0.001 * 1.4826 * 6 < 0.05, so the minimum increase decides the threshold.
            assertThat(firing.getThreshold())
                    .isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(firing.getEvidence())
                    .containsEntry("count", "1000")
                    .containsEntry("baselineWindows", "5")
                    .containsEntry("mad", "0.001000");
            assertThat(firing.getTopErrors())
                    .containsExactly(new AlertItem("Timeout after <*> ms", 3L));
            assertThat(firing.getTopPaths()).containsExactly(new AlertItem("/api/cart", 500L));

            Alert resolved = h.extractOutputValues().get(1);
            assertThat(resolved.getAlertId()).isEqualTo(firing.getAlertId());
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getWindowStart()).isEqualTo(Instant.ofEpochMilli(9 * STEP));

            h.processWatermark(closing(9));
            assertThat(h.numKeyedStateEntries()).isPositive();
            // Cleanup timers are never deleted: at most one per TTL/8 cell up to the deadline.
            assertThat(h.numEventTimeTimers()).isBetween(1, 9);
            h.processWatermark(10 * STEP + TTL.toMillis() + TTL.toMillis() / 8);
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void spikesDoNotJoinTheBaseline() throws Exception {
        try (var h = harness()) {
            warmUp(h);
            for (int n = 5; n < 25; n++) {
                send(h, window("checkout", n, 1000, 0.30, 100.0));
            }
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING);
            send(h, window("checkout", 25, 1000, 0.01, 100.0));
            send(h, window("checkout", 26, 1000, 0.30, 100.0)); // breaks the normal run
            send(h, window("checkout", 27, 1000, 0.01, 100.0));
            assertThat(h.extractOutputValues()).hasSize(1);
            send(h, window("checkout", 28, 1000, 0.01, 100.0));
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
        }
    }

    @Test
    void aServiceGoneWhileFiringIsResolvedAsExpiredAndForgotten() throws Exception {
        try (var h = harness()) {
            warmUp(h);
            send(h, window("checkout", 5, 1000, 0.30, 100.0));
            h.processWatermark(6 * STEP + TTL.toMillis() + TTL.toMillis() / 8);
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            Alert expired = h.extractOutputValues().get(1);
            assertThat(expired.getAlertId()).isEqualTo("checkout|ERROR_RATE_SPIKE|" + at(5));
            assertThat(expired.getEvidence()).containsEntry("reason", "expired");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void theEndOfABoundedInputResolvesNothing() throws Exception {
        try (var h = harness()) {
            warmUp(h);
            send(h, window("checkout", 5, 1000, 0.30, 100.0));
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING);
        }
    }

    @Test
    void servicesHaveTheirOwnBaselines() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 5; n++) {
                send(h, window("checkout", n, 1000, 0.01, null));
                send(h, window("search", n, 1000, 0.20, null)); // noisy by nature
            }
            send(h, window("checkout", 5, 1000, 0.20, null));
            send(h, window("search", 5, 1000, 0.21, null));
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getAlertId)
                    .containsExactly("checkout|ERROR_RATE_SPIKE|" + at(5));
        }
    }

    @Test
    void aRuleChangesTheSettingsOfTheServicesItCoversOnly() throws Exception {
        AlertRules rules =
                new AlertRules(
                        settings().build(),
                        java.util.List.of(
                                new AlertRule(
                                        java.util.regex.Pattern.compile("checkout"),
                                        null,
                                        null,
                                        "page",
                                        settings().errorMinIncrease(0.5).build())));
        try (var h = Windows.harness(new ErrorRateSpikeDetector(rules), WindowStats::getService)) {
            for (String service : new String[] {"checkout", "cart"}) {
                for (int n = 0; n < NORMAL.length; n++) {
                    send(h, window(service, n, 1000, NORMAL[n], 100.0));
                }
                send(h, window(service, 5, 1000, 0.30, 100.0));
            }
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getAlertId)
                    .as("0.30 is under checkout's 0.01 + 0.5, over cart's 0.01 + 0.05")
                    .containsExactly("cart|ERROR_RATE_SPIKE|" + at(5));
        }
    }
}
