package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertItem;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Alert} records and their stable ids, so every detector fills them the same way. */
final class AlertRecords {

    private AlertRecords() {}

    /** {@code service|kind|firstFiringWindowStart}: the same for FIRING and its RESOLVED. */
    static String alertId(String service, AlertKind kind, long firstWindowStart) {
        return service + "|" + kind + "|" + Instant.ofEpochMilli(firstWindowStart);
    }

    /** {@code service|LATENCY_REGRESSION route|firstFiringWindowStart}, for one route's series. */
    static String routeAlertId(String service, String route, long firstWindowStart) {
        return service
                + "|"
                + AlertKind.LATENCY_REGRESSION
                + " "
                + route
                + "|"
                + Instant.ofEpochMilli(firstWindowStart);
    }

    /**
     * Puts the baseline's MAD (when it has values) and length into {@code evidence}; returns its
     * median, null for an empty baseline.
     */
    static Double baselineEvidence(double[] base, Map<String, String> evidence) {
        Double median = null;
        if (base.length > 0) {
            median = Baseline.median(base);
            evidence.put("mad", format(Baseline.mad(base, median)));
        }
        evidence.put("baselineWindows", String.valueOf(base.length));
        return median;
    }

    /** A transition decided by {@code stats}, carrying its counts and top paths and errors. */
    static Alert fromWindow(
            WindowStats stats,
            String alertId,
            AlertKind kind,
            AlertState state,
            Double value,
            Double baseline,
            Double threshold,
            String summary,
            Map<String, String> evidence) {
        Map<String, String> all = new LinkedHashMap<>(evidence);
        all.put("count", String.valueOf(stats.getCount()));
        all.put("httpCount", String.valueOf(stats.getHttpCount()));
        all.put("errorRate", String.format(java.util.Locale.ROOT, "%.4f", stats.getErrorRate()));
        if (stats.getLatency() != null) {
            all.put("p50", String.valueOf(stats.getLatency().getP50()));
            all.put("p99", String.valueOf(stats.getLatency().getP99()));
        }
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setKind(kind)
                .setState(state)
                .setService(stats.getService())
                .setWindow(stats.getWindow())
                .setWindowStart(stats.getWindowStart())
                .setWindowEnd(stats.getWindowEnd())
                .setEventTime(stats.getWindowEnd())
                .setValue(value)
                .setBaseline(baseline)
                .setThreshold(threshold)
                .setSummary(summary)
                .setEvidence(all)
                .setTopPaths(items(stats.getTopPaths()))
                .setTopErrors(items(stats.getTopErrors()))
                .build();
    }

    /** A transition decided by a timer or a pattern, without a window's statistics. */
    static Alert.Builder bare(
            String alertId,
            AlertKind kind,
            AlertState state,
            String service,
            String window,
            long windowStart,
            long windowEnd,
            long eventTime) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setKind(kind)
                .setState(state)
                .setService(service)
                .setWindow(window)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setValue(null)
                .setBaseline(null)
                .setThreshold(null)
                .setEvidence(new LinkedHashMap<>())
                .setTopPaths(new ArrayList<>())
                .setTopErrors(new ArrayList<>());
    }

    private static List<AlertItem> items(List<TopItem> top) {
        List<AlertItem> out = new ArrayList<>(top == null ? 0 : top.size());
        if (top != null) {
            for (TopItem t : top) {
                out.add(new AlertItem(t.getItem(), t.getCount()));
            }
        }
        return out;
    }

    static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
