package io.logflow.dashboard.prometheus;

import io.logflow.schema.WindowStats;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log-derived metrics of the dashboard's {@code /metrics}: per service, counters summed over
 * every window of one window definition (events by level, HTTP responses by status class; a late
 * revision adds only what it adds, so they stay exact and monotonic) and gauges of its newest
 * window (events, end, error rate, latency quantiles). At most {@code maxServices} services keep
 * their own {@code service} label, the first ones seen; the others are summed under {@value #OTHER}
 * and counted by {@code logflow_exporter_services_dropped}. Thread-safe.
 *
 * <pre>{@code
 * LogMetricsExporter exporter = new LogMetricsExporter(null, 1000);
 * exporter.accept(windowStats);
 * String body = exporter.render();
 * }</pre>
 */
public final class LogMetricsExporter {

    /** The service label of every service beyond the cap. */
    public static final String OTHER = "_other";

    /** Default cap on services with their own label. */
    public static final int DEFAULT_MAX_SERVICES = 1000;

    /**
     * Windows per service whose counted revision is remembered: far more than any allowed lateness
     * spans in practice (the job's default of 1 min is 7 windows of 10 s).
     */
    static final int REMEMBERED_WINDOWS = 64;

    /** Cumulative counters of one service label. */
    private static final class Totals {
        final Map<String, Long> levels = new TreeMap<>();
        final Map<String, Long> classes = new TreeMap<>();
    }

    private final int maxServices;
    private String window;
    private final Map<String, ServiceSeries> series = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Totals> totals = new TreeMap<>();
    private int dropped;

    /**
     * {@code window}: the window definition to export, e.g. {@code tumbling-1m}; null takes the
     * first tumbling definition seen (counters over sliding windows would count events several
     * times).
     */
    public LogMetricsExporter(String window, int maxServices) {
        if (maxServices < 1) {
            throw new IllegalArgumentException(
                    "maxServices must be at least 1, got " + maxServices);
        }
        this.window = window;
        this.maxServices = maxServices;
    }

    /** Counts one window result; returns whether it changed anything. */
    public synchronized boolean accept(WindowStats w) {
        if (window == null && w.getWindow().startsWith("tumbling")) {
            window = w.getWindow();
        }
        if (!w.getWindow().equals(window)) {
            return false;
        }
        String service = w.getService();
        ServiceSeries s = series.get(service);
        if (s == null) {
            s = new ServiceSeries(REMEMBERED_WINDOWS);
            series.put(service, s);
            // First come, first labelled: a series must not change its label later.
            boolean own = series.size() - dropped <= maxServices && !service.equals(OTHER);
            labels.put(service, own ? service : OTHER);
            dropped += own ? 0 : 1;
        }
        Totals t = totals.computeIfAbsent(labels.get(service), k -> new Totals());
        return s.add(w, t.levels, t.classes);
    }

    /** The window definition exported, or null before one is seen. */
    public synchronized String window() {
        return window;
    }

    /** The exposition, in the Prometheus text format. */
    public synchronized String render() {
        PrometheusText out = new PrometheusText();
        out.family(
                "logflow_events_total",
                "counter",
                "Log events per service and level, summed over the windows of " + windowName());
        totals.forEach(
                (service, t) ->
                        t.levels.forEach(
                                (level, n) ->
                                        out.sample(
                                                "logflow_events_total",
                                                n,
                                                "service",
                                                service,
                                                "level",
                                                level)));
        out.family(
                "logflow_http_responses_total",
                "counter",
                "HTTP responses per service and status class (2xx, 3xx, 4xx, 5xx)");
        totals.forEach(
                (service, t) ->
                        t.classes.forEach(
                                (cls, n) ->
                                        out.sample(
                                                "logflow_http_responses_total",
                                                n,
                                                "service",
                                                service,
                                                "class",
                                                cls)));
        NewestWindowGauges.write(out, newestByLabelledService());
        out.family(
                "logflow_exporter_services",
                "gauge",
                "Services seen; at most the cap keep their own service label");
        out.sample("logflow_exporter_services", series.size());
        out.family(
                "logflow_exporter_services_dropped",
                "gauge",
                "Services beyond the cap of " + maxServices + ", summed under service=\"_other\"");
        out.sample("logflow_exporter_services_dropped", dropped);
        return out.toString();
    }

    /** Services with their own label and their newest window; sorted for a stable body. */
    private Map<String, WindowStats> newestByLabelledService() {
        Map<String, WindowStats> out = new TreeMap<>();
        series.forEach(
                (service, s) -> {
                    if (!labels.get(service).equals(OTHER) && s.newest() != null) {
                        out.put(service, s.newest());
                    }
                });
        return out;
    }

    private String windowName() {
        return window == null ? "one tumbling window definition" : window;
    }
}
