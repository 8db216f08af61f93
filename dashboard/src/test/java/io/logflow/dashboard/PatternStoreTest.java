package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static io.logflow.dashboard.Results.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.dashboard.PatternStore.TemplateTotal;
import io.logflow.schema.LogPattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PatternStoreTest {

    private final PatternStore store = new PatternStore(Duration.ofHours(6), 1000);

    @Test
    void sumsCountsPerTemplateOverTheRangeWithTheNewestTextAndExample() {
        store.upsert(pattern("checkout", 0, 7, "timeout after <*> ms", 10, 4));
        store.upsert(pattern("checkout", 10, 7, "timeout after <*> ms from <*>", 5, 5));
        store.upsert(pattern("checkout", 10, 3, "user <*> logged in", 100, 0));
        LogPattern fresh = pattern("checkout", 20, 9, "disk <*> full", 2, 2);
        fresh.setNewError(true);
        fresh.setExample("");
        store.upsert(fresh);
        store.upsert(pattern("auth", 10, 7, "other service", 1, 1));

        assertThat(store.templates("checkout", T0))
                .containsExactly(
                        new TemplateTotal(
                                7,
                                "timeout after <*> ms from <*>",
                                15,
                                9,
                                "timeout after 42 ms from 42 @10",
                                T0,
                                false),
                        new TemplateTotal(9, "disk <*> full", 2, 2, "", T0.plusSeconds(20), true),
                        new TemplateTotal(
                                3,
                                "user <*> logged in",
                                100,
                                0,
                                "user 42 logged in @10",
                                T0.plusSeconds(10),
                                false));
        // From +10 s: the first window of template 7 is outside the range.
        assertThat(store.templates("checkout", T0.plusSeconds(10)).get(0))
                .isEqualTo(
                        new TemplateTotal(
                                7,
                                "timeout after <*> ms from <*>",
                                5,
                                5,
                                "timeout after 42 ms from 42 @10",
                                T0.plusSeconds(10),
                                false));
        assertThat(store.hasPatterns("checkout", T0.plusSeconds(20))).isTrue();
        assertThat(store.hasPatterns("checkout", T0.plusSeconds(21))).isFalse();
        assertThat(store.templates("nobody", T0)).isEmpty();
    }

    @Test
    void upsertsOnServiceWindowAndTemplateId() {
        assertThat(store.upsert(pattern("checkout", 0, 7, "a <*>", 10, 1))).isTrue();
        assertThat(store.upsert(pattern("checkout", 0, 7, "a <*>", 12, 2))).isTrue();
        assertThat(store.upsert(pattern("checkout", 0, 7, "a <*>", 12, 2))).isFalse();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.templates("checkout", T0))
                .extracting(TemplateTotal::count, TemplateTotal::errorCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12L, 2L));
    }

    @Test
    void isBoundedByRetentionAndPerServiceCap() {
        PatternStore small = new PatternStore(Duration.ofHours(6), 4);
        for (int s = 0; s < 50; s += 10) {
            small.upsert(pattern("checkout", s, 1, "a", 1, 1));
            small.upsert(pattern("checkout", s, 2, "b", 1, 0));
        }
        // Five windows of two records, cap four: the three oldest windows are gone.
        assertThat(small.size()).isEqualTo(4);
        assertThat(small.templates("checkout", T0))
                .extracting(TemplateTotal::count)
                .containsExactly(2L, 2L);

        PatternStore byTime = new PatternStore(Duration.ofSeconds(30), 1000);
        for (int s = 0; s < 100; s += 10) {
            byTime.upsert(pattern("checkout", s, 1, "a", 1, 1));
        }
        byTime.upsert(pattern("auth", 0, 1, "a", 1, 1));
        // Latest end is +100 s: windows starting before +70 s are gone, for every service.
        assertThat(byTime.templates("checkout", T0).get(0).count()).isEqualTo(3L);
        assertThat(byTime.hasPatterns("auth", T0)).isFalse();
        assertThat(byTime.size()).isEqualTo(3);
    }
}
