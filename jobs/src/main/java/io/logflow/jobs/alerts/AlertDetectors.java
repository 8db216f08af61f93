package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * Wires the detectors onto a job's window results and (optionally) its log patterns: one keyed
 * operator per concern, their alerts merged into one stream.
 *
 * <pre>{@code
 * DataStream<Alert> alerts = AlertDetectors.define(windowStats, patterns, rules);
 * }</pre>
 *
 * <p>Window results and patterns leave operators keyed by service, so the detectors read them as
 * already-keyed streams: they chain behind the window and miner operators with no shuffle and no
 * serialization of results (at 100,000 services that shuffle was a quarter of the job's samples).
 */
public final class AlertDetectors {

    private AlertDetectors() {}

    /**
     * Alerts from {@code stats}, the results of the one window definition {@code settings} names,
     * and from {@code patterns} when not null, with the same settings for every service.
     */
    public static DataStream<Alert> define(
            DataStream<WindowStats> stats,
            DataStream<LogPattern> patterns,
            AlertSettings settings) {
        return define(stats, patterns, AlertRules.of(settings));
    }

    /**
     * Alerts from {@code stats}, the results of the one window definition the rules' settings name,
     * and from {@code patterns} when not null; per-route latency when a rule names routes. Both
     * must carry event-time watermarks and come straight out of operators keyed by service,
     * partitioned as a {@code keyBy(service)} would.
     */
    public static DataStream<Alert> define(
            DataStream<WindowStats> stats, DataStream<LogPattern> patterns, AlertRules rules) {
        TypeInformation<Alert> type = TypeInformation.of(Alert.class);
        KeyedStream<WindowStats, String> byService =
                DataStreamUtils.reinterpretAsKeyedStream(
                        stats, WindowStats::getService, Types.STRING);
        DataStream<Alert> alerts =
                byService
                        .process(new ErrorRateSpikeDetector(rules), type)
                        .name("alerts-error-rate")
                        .uid("alerts-error-rate");
        alerts =
                alerts.union(
                        byService
                                .process(new LatencyRegressionDetector(rules), type)
                                .name("alerts-latency")
                                .uid("alerts-latency"),
                        byService
                                .process(new SilenceDetector(rules), type)
                                .name("alerts-silence")
                                .uid("alerts-silence"));
        if (patterns != null) {
            alerts =
                    alerts.union(
                            DataStreamUtils.reinterpretAsKeyedStream(
                                            patterns, LogPattern::getService, Types.STRING)
                                    .process(new NewErrorTemplateDetector(rules), type)
                                    .name("alerts-new-error-template")
                                    .uid("alerts-new-error-template"));
        }
        if (rules.hasRoutes()) {
            alerts =
                    alerts.union(
                            byService
                                    .process(new RouteLatencyDetector(rules), type)
                                    .name("alerts-route-latency")
                                    .uid("alerts-route-latency"));
        }
        // Stateless and forward-connected to the detectors: every transition of one alert passes
        // the same subtask, so each subtask's firing set is exact for its services.
        return alerts.map(new AlertSeverity(rules), type)
                .name("alert-severity")
                .uid("alert-severity")
                .map(new AlertMetrics(), type)
                .name("alert-metrics")
                .uid("alert-metrics");
    }
}
