package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.TopItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowStatsTopItemsTest {

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();

    @Test
    void onlyTheTenMostFrequentPathsWithTiesBrokenByName() {
        // /p00 ×20, /p01 and /p02 ×19, ... /p09 and /p10 ×15 (tie at the cut), ... /p14 ×13.
        // Added in reverse name order so sorting, not insertion order, decides ties.
        List<LogEvent> events = new ArrayList<>();
        for (int i = 14; i >= 0; i--) {
            for (int n = 0; n < 20 - (i + 1) / 2; n++) {
                events.add(
                        event(Level.INFO, "h", http(String.format("/p%02d", i), 200, 1, 0, null)));
            }
        }

        List<TopItem> top = aggregate.getResult(WindowAccumulators.of(events)).getTopPaths();

        assertThat(top)
                .containsExactly(
                        new TopItem("/p00", 20L),
                        new TopItem("/p01", 19L),
                        new TopItem("/p02", 19L),
                        new TopItem("/p03", 18L),
                        new TopItem("/p04", 18L),
                        new TopItem("/p05", 17L),
                        new TopItem("/p06", 17L),
                        new TopItem("/p07", 16L),
                        new TopItem("/p08", 16L),
                        new TopItem("/p09", 15L));
    }

    @Test
    void topNIsConfigurable() {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int n = 0; n <= i; n++) {
                events.add(event(Level.INFO, "h", http("/q" + i, 200, 1, 0, null)));
            }
        }
        List<TopItem> top =
                new WindowStatsAggregate(3).getResult(WindowAccumulators.of(events)).getTopPaths();
        assertThat(top)
                .containsExactly(
                        new TopItem("/q4", 5L), new TopItem("/q3", 4L), new TopItem("/q2", 3L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WindowStatsAggregate(0))
                .hasMessageContaining("top-n");
    }

    @Test
    void countsStayExactBelowTheSketchCapacity() {
        // 150 distinct paths is below 0.75 × 256, where the frequent-items sketch starts to purge.
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            for (int n = 0; n <= i; n++) {
                events.add(event(Level.INFO, "h", http("/item/" + i, 200, 1, 0, null)));
            }
        }

        List<TopItem> top = aggregate.getResult(WindowAccumulators.of(events)).getTopPaths();

        assertThat(top).hasSize(10);
        for (int rank = 0; rank < 10; rank++) {
            assertThat(top.get(rank)).isEqualTo(new TopItem("/item/" + (149 - rank), 150L - rank));
        }
    }

    @Test
    void errorMessagesAreCutTo256CharsAndOnlyErrorAndFatalCount() {
        String prefix = "x".repeat(256);
        List<LogEvent> events =
                List.of(
                        event(Level.ERROR, "h", prefix + " first tail", null),
                        event(Level.FATAL, "h", prefix + " another, longer tail", null),
                        event(Level.WARN, "h", "warnings are not errors", null),
                        event(Level.ERROR, "h", "short", null));

        List<TopItem> top = aggregate.getResult(WindowAccumulators.of(events)).getTopErrors();

        assertThat(top).containsExactly(new TopItem(prefix, 2L), new TopItem("short", 1L));
        assertThat(top.get(0).getItem()).hasSize(256);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String message = "a".repeat(255) + "\uD83D\uDE00" + "tail";

        assertThat(WindowAccumulator.truncate(message)).isEqualTo("a".repeat(255));
        assertThat(WindowAccumulator.truncate("a".repeat(256))).hasSize(256);
    }
}
