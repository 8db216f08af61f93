package io.logflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiringAlertsTest {

    @TempDir Path dir;

    @Test
    void theFiringSetIsRebuiltFromItsFile() throws Exception {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        Alert pay = TestAlerts.spike("payments", AlertState.FIRING, t, t.plusSeconds(10));
        Alert auth = TestAlerts.spike("auth", AlertState.FIRING, t, t.plusSeconds(20));
        FiringAlerts set = new FiringAlerts(dir);
        assertThat(set.apply(pay, t.plusSeconds(10))).isTrue();
        assertThat(set.apply(auth, t.plusSeconds(20))).isTrue();
        assertThat(set.apply(pay, t.plusSeconds(99))).as("a repeated FIRING").isFalse();
        assertThat(
                        set.apply(
                                TestAlerts.spike("auth", AlertState.RESOLVED, t, t.plusSeconds(30)),
                                t))
                .isTrue();

        FiringAlerts again = new FiringAlerts(dir);
        assertThat(again.snapshot())
                .containsExactly(new FiringAlerts.Firing(pay, t.plusSeconds(10)));
        assertThat(again.startedAt(pay.getAlertId())).isEqualTo(t.plusSeconds(10));
        assertThat(again.startedAt(auth.getAlertId())).isNull();
    }
}
