package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.Level;
import io.logflow.schema.WindowStats;
import java.util.Arrays;
import java.util.Random;
import org.apache.datasketches.kll.KllSketch;
import org.junit.jupiter.api.Test;

/** The sketches' answers checked against exact answers computed the slow way. */
class WindowAccumulatorAccuracyTest {

    private static final double RANK_EPSILON =
            KllSketch.getNormalizedRankError(WindowAccumulator.KLL_K, false);

    /** Relative standard error of an HLL estimate with 2^lgK buckets. */
    private static final double HLL_RSE = 1.04 / Math.sqrt(1 << WindowAccumulator.HLL_LG_K);

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();

    @Test
    void latencyPercentilesAreWithinTheSketchRankError() {
        int n = 100_000;
        Random random = new Random(20240611L);
        double[] latencies = new double[n];
        WindowAccumulator acc = new WindowAccumulator();
        for (int i = 0; i < n; i++) {
            // Log-normal around e^3 ≈ 20 ms: a long right tail, like real latencies.
            latencies[i] = Math.exp(3.0 + 0.8 * random.nextGaussian());
            acc.add(event(Level.INFO, "h", http("/", 200, latencies[i], 0, null)));
        }
        Arrays.sort(latencies);

        LatencySummary latency = aggregate.getResult(acc).getLatency();

        assertThat(rankError(latencies, latency.getP50(), 0.50)).isLessThanOrEqualTo(RANK_EPSILON);
        assertThat(rankError(latencies, latency.getP90(), 0.90)).isLessThanOrEqualTo(RANK_EPSILON);
        assertThat(rankError(latencies, latency.getP95(), 0.95)).isLessThanOrEqualTo(RANK_EPSILON);
        assertThat(rankError(latencies, latency.getP99(), 0.99)).isLessThanOrEqualTo(RANK_EPSILON);
        assertThat(latency.getMax()).isEqualTo(latencies[n - 1]);
    }

    /**
     * Distance between the wanted rank and the exact rank range of {@code value} in the sorted
     * data; the range is [fraction below, fraction at or below] so duplicates are not penalised.
     */
    static double rankError(double[] sorted, double value, double wantedRank) {
        double below = lowerBound(sorted, value) / (double) sorted.length;
        double atOrBelow = upperBound(sorted, value) / (double) sorted.length;
        if (wantedRank < below) {
            return below - wantedRank;
        }
        return Math.max(0.0, wantedRank - atOrBelow);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Test
    void distinctCountsAreExactForSmallSets() {
        // Below a few hundred items the HLL sketch still holds the hashes themselves.
        for (int n = 1; n < 100; n++) {
            WindowAccumulator acc = new WindowAccumulator();
            for (int i = 0; i < n; i++) {
                acc.add(event(Level.INFO, "host-" + i, http("/", 200, 1, 0, "10.1.0." + i)));
                // A repeat must not count twice.
                acc.add(event(Level.INFO, "host-" + i, http("/", 200, 1, 0, "10.1.0." + i)));
            }

            WindowStats stats = aggregate.getResult(acc);

            assertThat(stats.getDistinctHosts()).as("hosts, n=%d", n).isEqualTo(n);
            assertThat(stats.getDistinctClientIps()).as("clients, n=%d", n).isEqualTo(n);
        }
    }

    @Test
    void distinctCountOfFiftyThousandIsWithinThreeStandardErrors() {
        int n = 50_000;
        WindowAccumulator acc = new WindowAccumulator();
        for (int i = 0; i < n; i++) {
            String ip = "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
            acc.add(event(Level.INFO, "host-" + (i % 5_000), http("/", 200, 1, 0, ip)));
        }

        WindowStats stats = aggregate.getResult(acc);

        assertThat((double) stats.getDistinctClientIps()).isCloseTo(n, within(3 * HLL_RSE * n));
        assertThat((double) stats.getDistinctHosts()).isCloseTo(5_000, within(3 * HLL_RSE * 5_000));
    }
}
