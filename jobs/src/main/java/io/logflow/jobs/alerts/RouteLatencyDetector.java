package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.RouteLatency;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Latency regressions of the routes the rules name ({@code route:} in {@code alerts.rules-file}):
 * each route's p99 is judged against that route's own baseline with its rule's latency settings, as
 * {@link LatencyRegressionDetector} judges the service's. A fast route six times slower can stay
 * under the tail of the service's slow routes, so the service's p99 never shows it; its own does.
 * Windows whose service error rate reaches the inhibit rate are not judged, as for the service.
 */
public final class RouteLatencyDetector extends KeyedProcessFunction<String, WindowStats, Alert> {

    private static final long serialVersionUID = 1L;

    private final AlertRules rules;

    private transient Map<String, Map<String, AlertRule>> routesByService;
    private transient MapState<String, Series> series;
    private transient ValueState<Long> cleanupAt;

    public RouteLatencyDetector(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext ctx) {
        routesByService = new HashMap<>();
        series =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "route-latency",
                                        Types.STRING,
                                        TypeInformation.of(Series.class)));
        cleanupAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("route-latency-cleanup", Types.LONG));
    }

    @Override
    public void processElement(WindowStats stats, Context ctx, Collector<Alert> out)
            throws Exception {
        if (stats.getRevision() != 0 || stats.getRoutes().isEmpty()) {
            return;
        }
        String service = ctx.getCurrentKey();
        Map<String, AlertRule> routes = routesOf(service);
        AlertSettings d = rules.defaults();
        long deadline = deadline();
        long extended =
                Expiry.extend(
                        deadline,
                        stats.getWindowEnd().toEpochMilli() + d.stateTtlMillis,
                        d,
                        ctx.timerService());
        if (extended != deadline) {
            cleanupAt.update(extended);
        }
        for (RouteLatency route : stats.getRoutes()) {
            AlertRule rule = routes.get(route.getRoute());
            if (rule == null) {
                continue; // a route of an earlier rules file, still in a window's state
            }
            AlertSettings s = rule.settings();
            Series current = series.get(route.getRoute());
            Series next = current == null ? new Series() : current;
            double[] base = next.baseline;
            Series.Step step;
            Double threshold = null;
            Double value = measure(route, stats, s);
            if (value == null) {
                step = next.skip();
            } else {
                threshold = LatencyRegressionDetector.threshold(base, s);
                step = next.judge(value, threshold, s.latencyWindows, s);
            }
            if (step == Series.Step.FIRING) {
                String id =
                        AlertRecords.routeAlertId(
                                service, route.getRoute(), stats.getWindowStart().toEpochMilli());
                next.fire(id);
                out.collect(
                        transition(stats, route, id, AlertState.FIRING, value, base, threshold, s));
            } else if (step == Series.Step.RESOLVED) {
                out.collect(
                        transition(
                                stats,
                                route,
                                next.resolvedId,
                                AlertState.RESOLVED,
                                value,
                                base,
                                threshold,
                                s));
            }
            series.put(route.getRoute(), next);
        }
    }

    private static Double measure(RouteLatency route, WindowStats stats, AlertSettings s) {
        if (route.getLatency() == null
                || route.getHttpCount() < s.minVolume
                || stats.getErrorRate() >= s.latencyInhibitErrorRate) {
            return null;
        }
        return route.getLatency().getP99();
    }

    private Map<String, AlertRule> routesOf(String service) {
        Map<String, AlertRule> routes = routesByService.get(service);
        if (routes == null) {
            if (routesByService.size() >= KeySettings.CACHE_LIMIT) {
                routesByService.clear();
            }
            routes = rules.routesOf(service);
            routesByService.put(service, routes);
        }
        return routes;
    }

    private static Alert transition(
            WindowStats stats,
            RouteLatency route,
            String id,
            AlertState state,
            double value,
            double[] base,
            double threshold,
            AlertSettings s) {
        Map<String, String> evidence = new LinkedHashMap<>();
        Double median = AlertRecords.baselineEvidence(base, evidence);
        evidence.put("route", route.getRoute());
        evidence.put("routeHttpCount", String.valueOf(route.getHttpCount()));
        evidence.put("routeP50", String.valueOf(route.getLatency().getP50()));
        evidence.put("routeP99", String.valueOf(route.getLatency().getP99()));
        String summary =
                state == AlertState.FIRING
                        ? String.format(
                                Locale.ROOT,
                                "p99 latency of %s %.0f ms is above %.0f ms for %d window(s)",
                                route.getRoute(),
                                value,
                                threshold,
                                s.latencyWindows)
                        : AlertKind.LATENCY_REGRESSION
                                + " of "
                                + route.getRoute()
                                + " cleared: "
                                + AlertRecords.format(value)
                                + " is back under "
                                + AlertRecords.format(threshold);
        return AlertRecords.fromWindow(
                stats,
                id,
                AlertKind.LATENCY_REGRESSION,
                state,
                value,
                median,
                threshold,
                summary,
                evidence);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        AlertSettings d = rules.defaults();
        long deadline = deadline();
        if (!Expiry.due(deadline, timestamp, d, ctx.timerService())) {
            return;
        }
        long lastEnd = deadline - d.stateTtlMillis;
        // Cleared after the loop, so the entries can be read as they are.
        for (Map.Entry<String, Series> e : series.entries()) {
            String firing = e.getValue().firingId;
            if (firing != null) {
                Alert resolved =
                        AlertRecords.bare(
                                        firing,
                                        AlertKind.LATENCY_REGRESSION,
                                        AlertState.RESOLVED,
                                        ctx.getCurrentKey(),
                                        d.window,
                                        lastEnd,
                                        timestamp,
                                        timestamp)
                                .setSummary(
                                        AlertKind.LATENCY_REGRESSION
                                                + " of "
                                                + e.getKey()
                                                + " expired: no windows since "
                                                + Instant.ofEpochMilli(lastEnd))
                                .build();
                resolved.getEvidence().put("reason", "expired");
                resolved.getEvidence().put("route", e.getKey());
                out.collect(resolved);
            }
        }
        series.clear();
        cleanupAt.clear();
    }

    private long deadline() throws Exception {
        Long at = cleanupAt.value();
        return at == null ? 0 : at;
    }
}
