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
}
