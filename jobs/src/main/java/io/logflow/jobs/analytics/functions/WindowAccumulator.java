package io.logflow.jobs.analytics.functions;

import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** Mutable, mergeable summary of one service's events in one window, built on sketches. */
@TypeInfo(WindowAccumulatorTypeInfo.Factory.class)
public final class WindowAccumulator {

    /** KLL k: about 1.3% normalized rank error (99% confidence) in a few KB. */
    static final int KLL_K = KllSketch.DEFAULT_K;

    /** 2^12 HLL buckets: about 1.6% relative standard error; HLL_8 trades space for speed. */
    static final int HLL_LG_K = 12;

    static final TgtHllType HLL_TYPE = TgtHllType.HLL_8;

    /** Counts stay exact up to 0.75 × 256 distinct items; must be a power of two. */
    static final int TOP_MAP_SIZE = 256;

    /** Error messages can embed payloads or stack traces; a prefix identifies them well enough. */
    static final int MAX_MESSAGE_LENGTH = 256;

    /**
     * Names of the status-class buckets, in index order; the last catches 1xx and invalid codes.
     */
    static final String[] STATUS_CLASSES = {"2xx", "3xx", "4xx", "5xx", "other"};

    static final ArrayOfStringsSerDe STRING_SERDE = new ArrayOfStringsSerDe();

    static final int LEVEL_COUNT = Level.values().length;

    private static final int OTHER_STATUS = STATUS_CLASSES.length - 1;

    /**
     * Latencies kept as plain values before the KLL sketch is built: a sketch takes 1.7 KB from its
     * first value, and with 100,000 services most windows hold a handful of requests. Below k the
     * sketch is exact and deterministic, so building it from these values in arrival order gives
     * the very sketch direct updates would have built.
     */
    static final int LATENCY_BUFFER = 32;

    // Package-private so the serializer and the aggregate in this package can read them without a
    // getter per field; only add and merge change them.
    long count;
    final long[] levelCounts;
    long httpCount;
    final long[] statusClassCounts;
    long bytesSum;
    // Kept next to the sketch so the max is exact by contract, not by a sketch implementation.
    double maxLatency;
    // Exactly one of the two holds the latencies: the plain values (null once the sketch exists)
    // or the sketch (null until LATENCY_BUFFER values).
    double[] latencyValues;
    int latencyValueCount;
    KllDoublesSketch latency;
    // Reassigned on merge: an HLL union produces a new sketch rather than folding into one side.
    HllSketch hosts;
    HllSketch clientIps;
    // Null until their first item: most windows of most services have no error, many no request.
    ItemsSketch<String> paths;
    ItemsSketch<String> errors;
    // Null unless an alert rule names routes of this service (see RouteSelector); then one digest
    // per route, in the rules' order, from the window's first event.
    LinkedHashMap<String, RouteDigest> routes;

    public WindowAccumulator() {
        this(
                0,
                new long[LEVEL_COUNT],
                0,
                new long[STATUS_CLASSES.length],
                0,
                Double.NEGATIVE_INFINITY,
                null,
                new HllSketch(HLL_LG_K, HLL_TYPE),
                new HllSketch(HLL_LG_K, HLL_TYPE),
                null,
                null);
    }

    /**
     * Takes ownership of every argument; used by the serializer and by {@link #copy()}. A null
     * latency sketch means no latencies yet; null item sketches mean no items yet.
     */
    WindowAccumulator(
            long count,
            long[] levelCounts,
            long httpCount,
            long[] statusClassCounts,
            long bytesSum,
            double maxLatency,
            KllDoublesSketch latency,
            HllSketch hosts,
            HllSketch clientIps,
            ItemsSketch<String> paths,
            ItemsSketch<String> errors) {
        if (levelCounts.length != LEVEL_COUNT
                || statusClassCounts.length != STATUS_CLASSES.length) {
            throw new IllegalArgumentException(
                    "level or status-class counts have the wrong length");
        }
        this.count = count;
        this.levelCounts = levelCounts;
        this.httpCount = httpCount;
        this.statusClassCounts = statusClassCounts;
        this.bytesSum = bytesSum;
        this.maxLatency = maxLatency;
        this.latency = latency;
        this.hosts = hosts;
        this.clientIps = clientIps;
        this.paths = paths;
        this.errors = errors;
    }

    /** Folds one event in; nothing of the event is retained beyond what the sketches keep. */
    public WindowAccumulator add(CompactEvent event) {
        count++;
        Level level = event.level;
        levelCounts[level.ordinal()]++;
        hosts.update(event.host);
        if (event.isError()) {
            if (errors == null) {
                errors = new ItemsSketch<>(TOP_MAP_SIZE);
            }
            errors.update(truncate(event.message));
        }
        if (event.http) {
            httpCount++;
            statusClassCounts[statusClass(event.status)]++;
            bytesSum += event.responseBytes;
            double ms = event.latencyMs;
            // KLL silently drops NaN; skip it here too so max and percentiles agree.
            if (!Double.isNaN(ms)) {
                addLatency(ms);
                maxLatency = Math.max(maxLatency, ms);
            }
            if (event.clientIp != null) {
                clientIps.update(event.clientIp);
            }
            if (paths == null) {
                paths = new ItemsSketch<>(TOP_MAP_SIZE);
            }
            paths.update(event.path);
        }
        return this;
    }

    /**
     * Folds {@code event} into the digests of {@code selected}, the routes of its service, each of
     * whose patterns its path matches; call after {@link #add(CompactEvent)}.
     */
    public WindowAccumulator addRoutes(CompactEvent event, RouteSelector.Route[] selected) {
        if (selected.length == 0) {
            return this;
        }
        if (routes == null) {
            routes = new LinkedHashMap<>();
            for (RouteSelector.Route r : selected) {
                routes.put(r.name(), new RouteDigest());
            }
        }
        if (event.http && event.path != null) {
            for (RouteSelector.Route r : selected) {
                if (r.path().matcher(event.path).matches()) {
                    routes.computeIfAbsent(r.name(), k -> new RouteDigest()).add(event.latencyMs);
                }
            }
        }
        return this;
    }

    /** Folds in a whole event, as peers and tests that hold {@link LogEvent}s do. */
    public WindowAccumulator add(LogEvent event) {
        return add(CompactEvent.of(event));
    }

    /** Folds {@code other} into this accumulator; {@code other} is left unchanged. */
    public WindowAccumulator merge(WindowAccumulator other) {
        count += other.count;
        addAll(levelCounts, other.levelCounts);
        httpCount += other.httpCount;
        addAll(statusClassCounts, other.statusClassCounts);
        bytesSum += other.bytesSum;
        maxLatency = Math.max(maxLatency, other.maxLatency);
        if (other.latency != null) {
            latencySketch().merge(other.latency);
        } else {
            for (int i = 0; i < other.latencyValueCount; i++) {
                addLatency(other.latencyValues[i]);
            }
        }
        hosts = union(hosts, other.hosts);
        clientIps = union(clientIps, other.clientIps);
        paths = mergeItems(paths, other.paths);
        errors = mergeItems(errors, other.errors);
        if (other.routes != null) {
            if (routes == null) {
                routes = new LinkedHashMap<>();
            }
            other.routes.forEach(
                    (route, digest) -> {
                        RouteDigest mine = routes.get(route);
                        if (mine == null) {
                            routes.put(route, digest.copy());
                        } else {
                            mine.merge(digest);
                        }
                    });
        }
        return this;
    }

    /** Latencies seen (NaN excluded), plain or sketched. */
    public long latencyCount() {
        return latency != null ? latency.getN() : latencyValueCount;
    }

    /**
     * The latency sketch, built from the plain values the first time it is asked for; from then on
     * this accumulator updates the sketch.
     */
    KllDoublesSketch latencySketch() {
        if (latency == null) {
            latency = KllDoublesSketch.newHeapInstance(KLL_K);
            for (int i = 0; i < latencyValueCount; i++) {
                latency.update(latencyValues[i]);
            }
            latencyValues = null;
            latencyValueCount = 0;
        }
        return latency;
    }

    /**
     * Quantiles of the latencies at {@code ranks}, by a sketch built for this call while the values
     * are still plain, so reading never changes the representation; null without latencies.
     */
    double[] latencyQuantiles(double[] ranks) {
        if (latencyCount() == 0) {
            return null;
        }
        KllDoublesSketch sketch = latency;
        if (sketch == null) {
            sketch = KllDoublesSketch.newHeapInstance(KLL_K);
            for (int i = 0; i < latencyValueCount; i++) {
                sketch.update(latencyValues[i]);
            }
        }
        return sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    }

    private void addLatency(double ms) {
        if (latency != null) {
            latency.update(ms);
            return;
        }
        if (latencyValueCount == LATENCY_BUFFER) {
            latencySketch().update(ms);
            return;
        }
        if (latencyValues == null) {
            latencyValues = new double[4];
        } else if (latencyValueCount == latencyValues.length) {
            latencyValues =
                    Arrays.copyOf(latencyValues, Math.min(LATENCY_BUFFER, latencyValueCount * 2));
        }
        latencyValues[latencyValueCount++] = ms;
    }

    /** A deep copy that shares no mutable state with this accumulator. */
    public WindowAccumulator copy() {
        WindowAccumulator copy =
                new WindowAccumulator(
                        count,
                        levelCounts.clone(),
                        httpCount,
                        statusClassCounts.clone(),
                        bytesSum,
                        maxLatency,
                        latency == null
                                ? null
                                : KllDoublesSketch.heapify(Memory.wrap(latency.toByteArray())),
                        hosts.copy(),
                        clientIps.copy(),
                        copyItems(paths),
                        copyItems(errors));
        if (latencyValues != null) {
            copy.latencyValues = latencyValues.clone();
            copy.latencyValueCount = latencyValueCount;
        }
        if (routes != null) {
            copy.routes = new LinkedHashMap<>();
            routes.forEach((route, digest) -> copy.routes.put(route, digest.copy()));
        }
        return copy;
    }

    static int statusClass(int status) {
        return status >= 200 && status < 600 ? status / 100 - 2 : OTHER_STATUS;
    }

    static String truncate(String message) {
        if (message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        // Never split a surrogate pair: half a character would not survive UTF-8 encoding.
        int end = MAX_MESSAGE_LENGTH;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end);
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static HllSketch union(HllSketch mine, HllSketch theirs) {
        // Skipping empty inputs keeps this sketch's in-order (HIP) estimator, the more accurate
        // one.
        if (theirs.isEmpty()) {
            return mine;
        }
        if (mine.isEmpty()) {
            return theirs.copy();
        }
        Union union = new Union(HLL_LG_K);
        union.update(mine);
        union.update(theirs);
        return union.getResult(HLL_TYPE);
    }

    private static ItemsSketch<String> mergeItems(
            ItemsSketch<String> mine, ItemsSketch<String> theirs) {
        if (theirs == null) {
            return mine;
        }
        if (mine == null) {
            return copyItems(theirs);
        }
        return mine.merge(theirs);
    }

    private static ItemsSketch<String> copyItems(ItemsSketch<String> sketch) {
        if (sketch == null) {
            return null;
        }
        return ItemsSketch.getInstance(Memory.wrap(sketch.toByteArray(STRING_SERDE)), STRING_SERDE);
    }
}
