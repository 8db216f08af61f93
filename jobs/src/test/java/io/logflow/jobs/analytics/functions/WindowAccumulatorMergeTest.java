package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;

class WindowAccumulatorMergeTest {

    private static final Level[] LEVELS = Level.values();
    private static final int[] STATUSES = {200, 204, 301, 404, 500, 503, 101};

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();

    @Test
    void mergingPartsEqualsAddingEverythingToOneAccumulator() {
        // Small enough that every sketch is still exact, so the whole result must match.
        List<LogEvent> events = SampleEvents.varied(150);

        WindowAccumulator a = WindowAccumulators.of(events.subList(0, 50));
        WindowAccumulator b = WindowAccumulators.of(events.subList(50, 150));
        WindowAccumulator merged =
                aggregate.merge(aggregate.merge(aggregate.createAccumulator(), a), b);

        assertThat(aggregate.getResult(merged))
                .isEqualTo(aggregate.getResult(WindowAccumulators.of(events)));
    }

    @Test
    void mergingLargePartsKeepsCountsExactAndSketchesWithinTheirBounds() {
        List<LogEvent> events = new ArrayList<>();
        Random random = new Random(7L);
        double[] latencies = new double[30_000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = Math.exp(2.0 + random.nextGaussian());
            String ip = "10.0." + (i % 5_000) / 256 + "." + (i % 5_000) % 256;
            events.add(
                    event(
                            LEVELS[i % LEVELS.length],
                            "host-" + (i % 40),
                            "failure " + (i % 13),
                            http("/p" + (i % 50), STATUSES[i % 7], latencies[i], i, ip)));
        }
        Arrays.sort(latencies);
        WindowAccumulator[] parts = {
            new WindowAccumulator(), new WindowAccumulator(), new WindowAccumulator()
        };
        for (int i = 0; i < events.size(); i++) {
            parts[i % 3].add(events.get(i));
        }

        WindowStats merged = aggregate.getResult(parts[0].merge(parts[1]).merge(parts[2]));
        WindowStats single = aggregate.getResult(WindowAccumulators.of(events));

        assertThat(merged.getCount()).isEqualTo(single.getCount()).isEqualTo(30_000);
        assertThat(merged.getLevelCounts()).isEqualTo(single.getLevelCounts());
        assertThat(merged.getErrorRate()).isEqualTo(single.getErrorRate());
        assertThat(merged.getHttpCount()).isEqualTo(single.getHttpCount());
        assertThat(merged.getStatusClassCounts()).isEqualTo(single.getStatusClassCounts());
        assertThat(merged.getBytesSum()).isEqualTo(single.getBytesSum()).isEqualTo(449_985_000L);
        assertThat(merged.getTopPaths()).isEqualTo(single.getTopPaths());
        assertThat(merged.getTopErrors()).isEqualTo(single.getTopErrors());
        assertThat(merged.getDistinctHosts()).isEqualTo(single.getDistinctHosts()).isEqualTo(40);
        // A union switches HLL from its in-order (HIP) to its composite estimator, so merged and
        // single-stream estimates may differ slightly; both must be close to the truth.
        double tolerance = 3 * 1.04 / Math.sqrt(1 << WindowAccumulator.HLL_LG_K) * 5_000;
        assertThat((double) merged.getDistinctClientIps()).isCloseTo(5_000, within(tolerance));
        assertThat((double) single.getDistinctClientIps()).isCloseTo(5_000, within(tolerance));

        double epsilon = KllSketch.getNormalizedRankError(WindowAccumulator.KLL_K, false);
        LatencySummary latency = merged.getLatency();
        assertThat(WindowAccumulatorAccuracyTest.rankError(latencies, latency.getP50(), 0.50))
                .isLessThanOrEqualTo(epsilon);
        assertThat(WindowAccumulatorAccuracyTest.rankError(latencies, latency.getP99(), 0.99))
                .isLessThanOrEqualTo(epsilon);
        assertThat(latency.getMax()).isEqualTo(latencies[latencies.length - 1]);
    }

    @Test
    void mergeLeavesTheOtherAccumulatorUntouchedAndUnshared() {
        List<LogEvent> events = SampleEvents.varied(120);
        WindowAccumulator other = WindowAccumulators.of(events);
        WindowStats before = aggregate.getResult(other);

        WindowAccumulator merged = new WindowAccumulator().merge(other);
        assertThat(aggregate.getResult(other)).isEqualTo(before);
        assertThat(aggregate.getResult(merged)).isEqualTo(before);

        // Growing the source afterwards must not leak into the merged accumulator.
        other.add(
                event(Level.FATAL, "new-host", "new error", http("/new", 500, 1e6, 1, "1.2.3.4")));
        assertThat(aggregate.getResult(merged)).isEqualTo(before);
    }
}
