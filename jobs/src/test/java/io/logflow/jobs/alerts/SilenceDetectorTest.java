package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> harness()
            throws Exception {
        return Windows.harness(
                new SilenceDetector(settings().silenceWindows(2).minBaselineWindows(2).build()),
                WindowStats::getService);
    }

    @Test
    void firesFromWatermarksAloneOnceAndResolvesWhenWindowsReturn() throws Exception {
        try (var h = harness()) {
            send(h, window("auth", 0, 500, 0.0, null));
            send(h, window("auth", 1, 500, 0.0, null));
            // Nothing more for auth: only the watermark, moved by other services, advances.
            h.processWatermark(4 * STEP - 1);
            assertThat(h.extractOutputValues()).isEmpty();
            h.processWatermark(4 * STEP);
            h.processWatermark(9 * STEP);
            assertThat(h.extractOutputValues()).hasSize(1);
            Alert firing = h.extractOutputValues().get(0);
            assertThat(firing.getAlertId()).isEqualTo("auth|SILENCE|" + at(3));
            assertThat(firing.getKind()).isEqualTo(AlertKind.SILENCE);
            assertThat(firing.getState()).isEqualTo(AlertState.FIRING);
            assertThat(firing.getWindowStart()).isEqualTo(Instant.ofEpochMilli(3 * STEP));
            assertThat(firing.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(4 * STEP));
            assertThat(firing.getEventTime()).isEqualTo(Instant.ofEpochMilli(4 * STEP));
            assertThat(firing.getValue()).isEqualTo(2.0);
            assertThat(firing.getEvidence())
                    .containsEntry("lastWindowEnd", Instant.ofEpochMilli(2 * STEP).toString());

            send(h, window("auth", 9, 20, 0.0, null));
            assertThat(h.extractOutputValues()).hasSize(2);
            Alert resolved = h.extractOutputValues().get(1);
            assertThat(resolved.getAlertId()).isEqualTo(firing.getAlertId());
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getWindowStart()).isEqualTo(Instant.ofEpochMilli(9 * STEP));
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void aWatermarkJumpOverTheSilenceStillFiresThenResolves() throws Exception {
        try (var h = harness()) {
            send(h, window("auth", 0, 500, 0.0, null));
            send(h, window("auth", 1, 500, 0.0, null));
            send(h, window("auth", 5, 500, 0.0, null)); // windows 2-5 closed under one watermark
            assertThat(h.extractOutputValues())
                    .extracting(a -> a.getAlertId() + " " + a.getState())
                    .containsExactly(
                            "auth|SILENCE|" + at(3) + " FIRING",
                            "auth|SILENCE|" + at(3) + " RESOLVED");
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void aWindowInTimeKeepsTheServiceAlive() throws Exception {
        try (var h = harness()) {
            send(h, window("auth", 0, 500, 0.0, null));
            h.processWatermark(closing(1));
            send(h, window("auth", 2, 3, 0.0, null)); // arrives before the watermark that ends 3
            h.processWatermark(closing(3) + 1);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void aServiceSilentForTheTtlIsResolvedAsExpiredAndForgotten() throws Exception {
        try (var h = harness()) {
            send(h, window("auth", 0, 500, 0.0, null));
            send(h, window("auth", 1, 500, 0.0, null));
            h.processWatermark(2 * STEP + TTL.toMillis() - 1);
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.numKeyedStateEntries()).isPositive();
            h.processWatermark(2 * STEP + TTL.toMillis());
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(h.extractOutputValues().get(1).getAlertId())
                    .isEqualTo("auth|SILENCE|" + at(3));
            assertThat(h.extractOutputValues().get(1).getEvidence())
                    .containsEntry("reason", "expired");
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aServiceWithoutABaselineIsNeverSilentAndIsForgottenAtItsTimer() throws Exception {
        try (var h = harness()) {
            // One window's worth of events from a one-off producer: below the two-window baseline.
            send(h, window("once", 0, 500, 0.0, null));
            h.processWatermark(3 * STEP - 1);
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
            h.processWatermark(20 * STEP);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void theEndOfABoundedInputIsNotSilenceAndLateRefiresAreIgnored() throws Exception {
        try (var h = harness()) {
            send(h, window("auth", 5, 500, 0.0, null));
            send(h, revised(window("auth", 4, 500, 0.0, null), 1));
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }
}
