package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static io.logflow.dashboard.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsStoreTest {

    private final MetricsStore store = new MetricsStore(Duration.ofHours(6), 100);

    @Test
    void lateFiringReplacesTheEarlierResultInsteadOfAdding() {
        assertThat(store.upsert(window("checkout", 0, 100, 0), Instant.now())).isTrue();
        assertThat(store.upsert(window("checkout", 0, 103, 1), Instant.now())).isTrue();
        assertThat(store.series("checkout", "tumbling-10s", T0))
                .singleElement()
                .extracting(WindowStats::getCount)
                .isEqualTo(103L);
        // A redelivered older revision does not undo the update.
        assertThat(store.upsert(window("checkout", 0, 100, 0), Instant.now())).isFalse();
        assertThat(store.latest("checkout", "tumbling-10s").orElseThrow().getCount())
                .isEqualTo(103L);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void keepsSeriesPerServiceInTimeOrder() {
        store.upsert(window("search", 20, 5, 0), Instant.now());
        store.upsert(window("search", 0, 3, 0), Instant.now());
        store.upsert(window("auth", 10, 4, 0), Instant.now());
        assertThat(store.services()).containsExactly("auth", "search");
        assertThat(store.series("search", "tumbling-10s", T0))
                .extracting(WindowStats::getCount)
                .containsExactly(3L, 5L);
        assertThat(store.series("search", "tumbling-10s", T0.plusSeconds(10)))
                .extracting(WindowStats::getCount)
                .containsExactly(5L);
        assertThat(store.latestWindowEnd()).isEqualTo(T0.plusSeconds(30));
        assertThat(store.series("nobody", "tumbling-10s", T0)).isEmpty();
    }

    @Test
    void isBoundedByRetentionAndPointCap() {
        MetricsStore small = new MetricsStore(Duration.ofSeconds(60), 3);
        for (int s = 0; s < 200; s += 10) {
            small.upsert(window("checkout", s, 10, 0), Instant.now());
        }
        assertThat(small.series("checkout", "tumbling-10s", T0))
                .extracting(w -> w.getWindowStart().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(170L, 180L, 190L);
        MetricsStore byTime = new MetricsStore(Duration.ofSeconds(30), 1000);
        for (int s = 0; s < 100; s += 10) {
            byTime.upsert(window("checkout", s, 10, 0), Instant.now());
        }
        // Latest end is +100 s: windows starting before +70 s are gone.
        assertThat(byTime.series("checkout", "tumbling-10s", T0))
                .extracting(w -> w.getWindowStart().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(70L, 80L, 90L);
    }

    @Test
    void oneResultFromASkewedClockDoesNotWipeTheHistory() {
        MetricsStore byTime = new MetricsStore(Duration.ofMinutes(10), 1000);
        Instant now = T0.plusSeconds(100);
        for (int s = 0; s < 100; s += 10) {
            byTime.upsert(window("checkout", s, 10, 0), now);
            byTime.upsert(window("search", s, 10, 0), now);
        }
        // A window a day ahead: it counts back from now, not from its own end.
        byTime.upsert(window("checkout", 86_400, 3, 0), now);
        byTime.upsert(window("search", 100, 10, 0), now);
        assertThat(byTime.series("checkout", "tumbling-10s", T0)).hasSize(11);
        assertThat(byTime.series("search", "tumbling-10s", T0)).hasSize(11);
        // A backfill a week old keeps its own last 10 minutes.
        Instant weekAgo = T0.minus(Duration.ofDays(7));
        for (int s = 0; s < 1200; s += 10) {
            byTime.upsert(
                    WindowStats.newBuilder(window("auth", s, 3, 0))
                            .setWindowStart(weekAgo.plusSeconds(s))
                            .setWindowEnd(weekAgo.plusSeconds(s + 10))
                            .build(),
                    now);
        }
        assertThat(byTime.series("auth", "tumbling-10s", weekAgo))
                .hasSize(60)
                .first()
                .extracting(WindowStats::getWindowStart)
                .isEqualTo(weekAgo.plusSeconds(600));
    }

    @Test
    void eventsEndingCountsTheWindowsEndingInTheSpan() {
        for (int s = 0; s < 100; s += 10) {
            store.upsert(window("checkout", s, 10, 0), Instant.now());
            store.upsert(window("auth", s, 3, 0), Instant.now());
        }
        // Windows ending in (+50 s, +80 s]: those starting at +40, +50 and +60 s.
        assertThat(store.eventsEnding("tumbling-10s", T0.plusSeconds(50), T0.plusSeconds(80)))
                .isEqualTo(3 * (10 + 3));
        assertThat(store.eventsEnding("sliding", T0, T0.plusSeconds(80))).isZero();
    }
}
