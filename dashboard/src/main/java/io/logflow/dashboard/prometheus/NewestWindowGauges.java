package io.logflow.dashboard.prometheus;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.WindowStats;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The exporter's gauges: what each service's newest window says (events, end, error rate, latency
 * quantiles), labelled with the service and the window definition.
 */
final class NewestWindowGauges {

    private static final String[] QUANTILES = {"0.5", "0.9", "0.95", "0.99"};

    private NewestWindowGauges() {}

    /** Writes every gauge family for {@code newest}, service to its newest window. */
    static void write(PrometheusText out, Map<String, WindowStats> newest) {
        gauge(
                out,
                newest,
                "logflow_window_events",
                "Events in the newest window",
                w -> w.getCount());
        gauge(
                out,
                newest,
                "logflow_window_end_seconds",
                "End of the newest window, Unix seconds",
                w -> w.getWindowEnd().toEpochMilli() / 1000.0);
        gauge(
                out,
                newest,
                "logflow_error_rate",
                "Share of ERROR and FATAL events in the newest window",
                WindowStats::getErrorRate);
        out.family(
                "logflow_http_latency_ms",
                "gauge",
                "HTTP latency quantiles of the newest window, in ms (none without HTTP events)");
        newest.forEach(
                (service, w) -> {
                    LatencySummary l = w.getLatency();
                    if (l != null) {
                        double[] values = {l.getP50(), l.getP90(), l.getP95(), l.getP99()};
                        for (int i = 0; i < values.length; i++) {
                            out.sample(
                                    "logflow_http_latency_ms",
                                    values[i],
                                    "service",
                                    service,
                                    "window",
                                    w.getWindow(),
                                    "quantile",
                                    QUANTILES[i]);
                        }
                    }
                });
        gauge(
                out,
                newest,
                "logflow_http_latency_max_ms",
                "Slowest HTTP request of the newest window, in ms",
                w -> w.getLatency() == null ? Double.NaN : w.getLatency().getMax());
    }

    /** One gauge family; NaN (nothing to say, e.g. no HTTP events) writes no sample. */
    private static void gauge(
            PrometheusText out,
            Map<String, WindowStats> newest,
            String name,
            String help,
            ToDoubleFunction<WindowStats> value) {
        out.family(name, "gauge", help);
        newest.forEach(
                (service, w) -> {
                    double v = value.applyAsDouble(w);
                    if (!Double.isNaN(v)) {
                        out.sample(name, v, "service", service, "window", w.getWindow());
                    }
                });
    }
}
