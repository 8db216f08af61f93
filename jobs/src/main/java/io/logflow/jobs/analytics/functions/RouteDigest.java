package io.logflow.jobs.analytics.functions;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * One route's share of a window: its HTTP events and their latencies, sketched as the window's own
 * are (KLL k = {@link WindowAccumulator#KLL_K}), with the exact maximum beside the sketch.
 */
final class RouteDigest {

    long httpCount;
    double maxLatency = Double.NEGATIVE_INFINITY;
    // Null until the route's first latency: a rule may name a route a window never sees.
    KllDoublesSketch latency;

    void add(double ms) {
        httpCount++;
        if (!Double.isNaN(ms)) {
            if (latency == null) {
                latency = KllDoublesSketch.newHeapInstance(WindowAccumulator.KLL_K);
            }
            latency.update(ms);
            maxLatency = Math.max(maxLatency, ms);
        }
    }

    void merge(RouteDigest other) {
        httpCount += other.httpCount;
        maxLatency = Math.max(maxLatency, other.maxLatency);
        if (other.latency != null) {
            if (latency == null) {
                latency = copy(other.latency);
            } else {
                latency.merge(other.latency);
            }
        }
    }

    RouteDigest copy() {
        RouteDigest copy = new RouteDigest();
        copy.httpCount = httpCount;
        copy.maxLatency = maxLatency;
        copy.latency = latency == null ? null : copy(latency);
        return copy;
    }

    private static KllDoublesSketch copy(KllDoublesSketch sketch) {
        return KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
    }
}
