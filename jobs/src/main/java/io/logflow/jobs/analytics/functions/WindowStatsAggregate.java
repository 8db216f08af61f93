package io.logflow.jobs.analytics.functions;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.Level;
import io.logflow.schema.RouteLatency;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Incremental per-window metrics of one service: counts, error rate, HTTP status classes, latency
 * percentiles, distinct hosts and clients, top paths and errors.
 *
 * <p>The result carries placeholders for the window-specific fields (service, window bounds,
 * revision, emission time); {@link WindowPanesOperator}, which sees the window, fills them in.
 */
public final class WindowStatsAggregate
        implements AggregateFunction<CompactEvent, WindowAccumulator, WindowStats> {

    private static final long serialVersionUID = 1L;

    /** How many paths and error messages a result lists unless configured otherwise. */
    public static final int DEFAULT_TOP_N = 10;

    /** The frequent-items sketches track far more candidates than this (map size 256). */
    public static final int MAX_TOP_N = 50;

    private static final double[] PERCENTILE_RANKS = {0.50, 0.90, 0.95, 0.99};

    private static final Level[] LEVELS = Level.values();

    private static final Comparator<ItemsSketch.Row<String>> BY_ESTIMATE_THEN_ITEM =
            Comparator.<ItemsSketch.Row<String>>comparingLong(ItemsSketch.Row::getEstimate)
                    .reversed()
                    .thenComparing(ItemsSketch.Row::getItem);

    private final int topN;
    private final RouteSelector routes;

    public WindowStatsAggregate() {
        this(DEFAULT_TOP_N, RouteSelector.NONE);
    }

    /** Lists the {@code topN} most frequent paths and error messages per window. */
    public WindowStatsAggregate(int topN) {
        this(topN, RouteSelector.NONE);
    }

    /**
     * Lists the {@code topN} most frequent paths and error messages per window, and the latency of
     * every route {@code routes} selects for the window's service.
     */
    public WindowStatsAggregate(int topN, RouteSelector routes) {
        if (topN < 1 || topN > MAX_TOP_N) {
            throw new IllegalArgumentException("top-n must be 1.." + MAX_TOP_N + ", got " + topN);
        }
        this.topN = topN;
        this.routes = routes;
    }

    @Override
    public WindowAccumulator createAccumulator() {
        return new WindowAccumulator();
    }

    @Override
    public WindowAccumulator add(CompactEvent event, WindowAccumulator acc) {
        acc.add(event);
        return routes.isEmpty() ? acc : acc.addRoutes(event, routes.routesOf(event.service));
    }

    @Override
    public WindowAccumulator merge(WindowAccumulator a, WindowAccumulator b) {
        return a.merge(b);
    }

    /** Reads the accumulator without changing it, so late firings can call this again. */
    @Override
    public WindowStats getResult(WindowAccumulator acc) {
        long count = acc.count;
        // Every level and status class is present so consumers see explicit zeros.
        Map<String, Long> levelCounts = new LinkedHashMap<>();
        for (Level level : LEVELS) {
            levelCounts.put(level.name(), acc.levelCounts[level.ordinal()]);
        }
        Map<String, Long> statusClassCounts = new LinkedHashMap<>();
        long[] statusCounts = acc.statusClassCounts;
        for (int i = 0; i < statusCounts.length; i++) {
            statusClassCounts.put(WindowAccumulator.STATUS_CLASSES[i], statusCounts[i]);
        }
        long errors =
                acc.levelCounts[Level.ERROR.ordinal()] + acc.levelCounts[Level.FATAL.ordinal()];
        return WindowStats.newBuilder()
                .setService("")
                .setWindowStart(Instant.EPOCH)
                .setWindowEnd(Instant.EPOCH)
                .setRevision(0)
                .setCount(count)
                .setLevelCounts(levelCounts)
                .setErrorRate(count == 0 ? 0.0 : (double) errors / count)
                .setHttpCount(acc.httpCount)
                .setStatusClassCounts(statusClassCounts)
                .setLatency(latency(acc))
                .setBytesSum(acc.bytesSum)
                .setDistinctHosts(Math.round(acc.hosts.getEstimate()))
                .setDistinctClientIps(Math.round(acc.clientIps.getEstimate()))
                .setTopPaths(top(acc.paths))
                .setTopErrors(top(acc.errors))
                .setEmittedAt(Instant.EPOCH)
                .setRoutes(routes(acc))
                .build();
    }

    private static List<RouteLatency> routes(WindowAccumulator acc) {
        List<RouteLatency> out = new ArrayList<>(acc.routes == null ? 0 : acc.routes.size());
        if (acc.routes != null) {
            acc.routes.forEach(
                    (route, d) -> {
                        LatencySummary latency = null;
                        if (d.latency != null) {
                            double[] q =
                                    d.latency.getQuantiles(
                                            PERCENTILE_RANKS, QuantileSearchCriteria.INCLUSIVE);
                            latency = new LatencySummary(q[0], q[1], q[2], q[3], d.maxLatency);
                        }
                        out.add(new RouteLatency(route, d.httpCount, latency));
                    });
        }
        return out;
    }

    /** Null without HTTP events, and also when every HTTP latency was NaN (nothing to rank). */
    private static LatencySummary latency(WindowAccumulator acc) {
        if (acc.httpCount == 0) {
            return null;
        }
        // One call builds the sorted view once for all four ranks.
        double[] q = acc.latencyQuantiles(PERCENTILE_RANKS);
        return q == null ? null : new LatencySummary(q[0], q[1], q[2], q[3], acc.maxLatency);
    }

    private List<TopItem> top(ItemsSketch<String> sketch) {
        if (sketch == null || sketch.isEmpty()) {
            return new ArrayList<>();
        }
        ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
        // The sketch orders by estimate only; the item breaks ties so output is reproducible.
        Arrays.sort(rows, BY_ESTIMATE_THEN_ITEM);
        List<TopItem> top = new ArrayList<>(Math.min(topN, rows.length));
        for (int i = 0; i < rows.length && i < topN; i++) {
            top.add(new TopItem(rows[i].getItem(), rows[i].getEstimate()));
        }
        return top;
    }
}
