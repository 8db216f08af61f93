package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowStatsAggregateTest {

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();

    /** Covers every level, every status class (101 and 600 land in "other"), null parts. */
    private static final List<LogEvent> EVENTS =
            List.of(
                    event(Level.INFO, "h1", http("/a", 200, 10, 100, "10.0.0.1")),
                    event(Level.WARN, "h2", http("/a", 201, 20, 200, null)),
                    event(Level.ERROR, "h1", "db down", null),
                    event(Level.FATAL, "h3", "db down", http("/b", 503, 30, 300, "10.0.0.2")),
                    event(Level.DEBUG, "h1", http("/c", 101, 5, 0, "10.0.0.1")),
                    event(Level.TRACE, "h2", http("/b", 600, 40, 50, "10.0.0.3")),
                    event(Level.INFO, "h1", http("/a", 404, 15, 1000, "10.0.0.2")),
                    event(Level.ERROR, "h4", "timeout", http("/a", 302, 25, 7, null)));

    private WindowStats resultOf(List<LogEvent> events) {
        WindowAccumulator acc = aggregate.createAccumulator();
        for (LogEvent e : events) {
            acc = aggregate.add(CompactEvent.of(e), acc);
        }
        return aggregate.getResult(acc);
    }

    @Test
    void countsLevelsAndErrorRate() {
        WindowStats stats = resultOf(EVENTS);

        assertThat(stats.getCount()).isEqualTo(8);
        assertThat(stats.getLevelCounts())
                .containsExactly(
                        entry("TRACE", 1L),
                        entry("DEBUG", 1L),
                        entry("INFO", 2L),
                        entry("WARN", 1L),
                        entry("ERROR", 2L),
                        entry("FATAL", 1L));
        assertThat(stats.getErrorRate()).isEqualTo(3.0 / 8);
    }

    @Test
    void httpCountsStatusClassesAndBytes() {
        WindowStats stats = resultOf(EVENTS);

        assertThat(stats.getHttpCount()).isEqualTo(7);
        assertThat(stats.getStatusClassCounts())
                .containsExactly(
                        entry("2xx", 2L),
                        entry("3xx", 1L),
                        entry("4xx", 1L),
                        entry("5xx", 1L),
                        entry("other", 2L));
        assertThat(stats.getBytesSum()).isEqualTo(1657);
    }

    @Test
    void distinctHostsAndClientsIgnoreNullClientIp() {
        WindowStats stats = resultOf(EVENTS);

        assertThat(stats.getDistinctHosts()).isEqualTo(4);
        assertThat(stats.getDistinctClientIps()).isEqualTo(3);
    }

    @Test
    void latencyPercentilesAreInclusiveRanksOfTheHttpEventsOnly() {
        // Sorted: 5 10 15 20 25 30 40; the inclusive p50 of 7 items is the 4th.
        assertThat(resultOf(EVENTS).getLatency())
                .isEqualTo(new LatencySummary(20.0, 40.0, 40.0, 40.0, 40.0));
    }

    @Test
    void latencyPercentilesOfOneToHundredAreExact() {
        List<LogEvent> events = new ArrayList<>();
        for (int ms = 100; ms >= 1; ms--) {
            events.add(event(Level.INFO, "h", http("/", 200, ms, 0, null)));
        }

        assertThat(resultOf(events).getLatency())
                .isEqualTo(new LatencySummary(50.0, 90.0, 95.0, 99.0, 100.0));
    }

    @Test
    void topPathsAndErrorsCountExactly() {
        WindowStats stats = resultOf(EVENTS);

        assertThat(stats.getTopPaths())
                .containsExactly(
                        new TopItem("/a", 4L), new TopItem("/b", 2L), new TopItem("/c", 1L));
        assertThat(stats.getTopErrors())
                .containsExactly(new TopItem("db down", 2L), new TopItem("timeout", 1L));
    }

    @Test
    void windowFieldsArePlaceholders() {
        WindowStats stats = resultOf(EVENTS);

        assertThat(stats.getService()).isEmpty();
        assertThat(stats.getWindowStart()).isEqualTo(Instant.EPOCH);
        assertThat(stats.getWindowEnd()).isEqualTo(Instant.EPOCH);
        assertThat(stats.getEmittedAt()).isEqualTo(Instant.EPOCH);
        assertThat(stats.getRevision()).isZero();
    }

    @Test
    void emptyWindowHasZerosEverywhereAndNoLatency() {
        WindowStats stats = resultOf(List.of());

        assertThat(stats.getCount()).isZero();
        assertThat(stats.getErrorRate()).isZero();
        assertThat(stats.getLevelCounts())
                .hasSize(6)
                .allSatisfy((level, count) -> assertThat(count).isZero());
        assertThat(stats.getStatusClassCounts())
                .containsOnlyKeys("2xx", "3xx", "4xx", "5xx", "other")
                .allSatisfy((cls, count) -> assertThat(count).isZero());
        assertThat(stats.getLatency()).isNull();
        assertThat(stats.getDistinctHosts()).isZero();
        assertThat(stats.getDistinctClientIps()).isZero();
        assertThat(stats.getTopPaths()).isEmpty();
        assertThat(stats.getTopErrors()).isEmpty();
    }

    @Test
    void noHttpEventsMeansNullLatencyAndNoHttpCounts() {
        WindowStats stats =
                resultOf(
                        List.of(
                                event(Level.ERROR, "h", "boom", null),
                                event(Level.INFO, "h", null)));

        assertThat(stats.getHttpCount()).isZero();
        assertThat(stats.getLatency()).isNull();
        assertThat(stats.getBytesSum()).isZero();
        assertThat(stats.getDistinctClientIps()).isZero();
        assertThat(stats.getErrorRate()).isEqualTo(0.5);
    }

    @Test
    void nanLatencyIsCountedAsHttpButNotRanked() {
        WindowStats onlyNaN =
                resultOf(List.of(event(Level.INFO, "h", http("/", 200, Double.NaN, 1, null))));
        WindowStats mixed =
                resultOf(
                        List.of(
                                event(Level.INFO, "h", http("/", 200, Double.NaN, 1, null)),
                                event(Level.INFO, "h", http("/", 200, 7, 1, null))));

        assertThat(onlyNaN.getHttpCount()).isEqualTo(1);
        assertThat(onlyNaN.getLatency()).isNull();
        assertThat(mixed.getLatency()).isEqualTo(new LatencySummary(7.0, 7.0, 7.0, 7.0, 7.0));
    }

    @Test
    void addIsIncrementalAndGetResultLeavesTheAccumulatorAlone() {
        WindowAccumulator acc = aggregate.createAccumulator();

        assertThat(aggregate.add(CompactEvent.of(EVENTS.get(0)), acc)).isSameAs(acc);
        WindowStats first = aggregate.getResult(acc);
        assertThat(aggregate.getResult(acc)).isEqualTo(first);

        aggregate.add(CompactEvent.of(EVENTS.get(1)), acc);
        assertThat(aggregate.getResult(acc).getCount()).isEqualTo(2);
    }
}
