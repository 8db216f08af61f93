package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static io.logflow.dashboard.Results.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.schema.AlertState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertStoreTest {

    private final AlertStore store = new AlertStore(Duration.ofHours(6), 100);

    @Test
    void resolvedTransitionReplacesItsFiringOneAndKeepsItsStart() {
        assertThat(store.upsert(alert("a|1", "checkout", AlertState.FIRING, 10))).isTrue();
        assertThat(store.upsert(alert("a|1", "checkout", AlertState.RESOLVED, 70))).isTrue();
        assertThat(store.alerts(null))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.latest().getState()).isEqualTo(AlertState.RESOLVED);
                            assertThat(e.since()).isEqualTo(T0.plusSeconds(10));
                            assertThat(e.resolvedAt()).isEqualTo(T0.plusSeconds(70));
                        });
        // A redelivered FIRING record neither revives the alert nor counts as a change.
        assertThat(store.upsert(alert("a|1", "checkout", AlertState.FIRING, 10))).isFalse();
        assertThat(store.upsert(alert("a|1", "checkout", AlertState.RESOLVED, 70))).isFalse();
        assertThat(store.alerts(null).get(0).firing()).isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void resolvedWithoutItsFiringRecordHasNoStart() {
        store.upsert(alert("old", "auth", AlertState.RESOLVED, 30));
        AlertStore.Entry e = store.alerts("auth").get(0);
        assertThat(e.since()).isNull();
        assertThat(e.resolvedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void firingFirstThenMostRecentAndFilteredByService() {
        store.upsert(alert("r1", "auth", AlertState.FIRING, 10));
        store.upsert(alert("r1", "auth", AlertState.RESOLVED, 50));
        store.upsert(alert("f1", "checkout", AlertState.FIRING, 20));
        store.upsert(alert("r2", "checkout", AlertState.FIRING, 30));
        store.upsert(alert("r2", "checkout", AlertState.RESOLVED, 40));
        store.upsert(alert("f2", "auth", AlertState.FIRING, 35));
        assertThat(store.alerts(null))
                .extracting(e -> e.latest().getAlertId())
                .containsExactly("f2", "f1", "r1", "r2");
        assertThat(store.alerts("checkout"))
                .extracting(e -> e.latest().getAlertId())
                .containsExactly("f1", "r2");
        assertThat(store.alerts("nobody")).isEmpty();
        assertThat(store.latestEventTime()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void isBoundedByCountDroppingResolvedFirstAndResolvedByRetention() {
        AlertStore small = new AlertStore(Duration.ofHours(6), 3);
        small.upsert(alert("f-old", "s", AlertState.FIRING, 10));
        for (int i = 1; i <= 4; i++) {
            small.upsert(alert("r" + i, "s", AlertState.FIRING, 10 + i));
            small.upsert(alert("r" + i, "s", AlertState.RESOLVED, 20 + i));
        }
        // The old firing alert outranks every resolved one; the newest resolved ones stay.
        assertThat(small.alerts(null))
                .extracting(e -> e.latest().getAlertId())
                .containsExactly("f-old", "r4", "r3");

        AlertStore byTime = new AlertStore(Duration.ofSeconds(60), 100);
        byTime.upsert(alert("f", "s", AlertState.FIRING, 0));
        byTime.upsert(alert("r", "s", AlertState.FIRING, 5));
        byTime.upsert(alert("r", "s", AlertState.RESOLVED, 10));
        byTime.upsert(alert("new", "s", AlertState.FIRING, 71));
        // Resolved 61 s before the newest transition: gone. Firing ones stay however old.
        assertThat(byTime.alerts(null))
                .extracting(e -> e.latest().getAlertId())
                .containsExactly("new", "f");
        assertThatThrownBy(() -> new AlertStore(Duration.ofHours(1), 0))
                .hasMessageContaining("maxAlerts");
    }
}
