package io.logflow.jobs.alerts;

import io.logflow.jobs.state.Upgraded;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The lifecycle shared by detectors that judge each window of a service against that service's
 * baseline ({@link Series}): FIRING after {@link #windowsToFire()} anomalous windows in a row,
 * nothing more while it stays anomalous, RESOLVED after {@code resolveWindows} normal ones. Only
 * normal windows join the baseline, so an incident cannot teach the detector that it is normal;
 * late re-fires (revision > 0) are ignored so a window counts once. Settings are the service's
 * rule's ({@code alerts.rules-file}) or the defaults. A service silent for the state TTL is
 * forgotten (at most TTL/8 later, see {@link AlertSettings#cleanupTimer}).
 */
abstract class WindowDetector extends KeyedProcessFunction<String, WindowStats, Alert> {

    private static final long serialVersionUID = 1L;

    private final KeySettings perService;

    // The current key's settings, set on entry to every callback (a rule may change them per
    // service); the state-wide TTL and step are the same for all.
    protected transient AlertSettings settings;

    // The whole series of the service in one state object: one lookup and one write per window.
    private transient ValueState<Series> series;
    private transient LegacySeries legacy;

    WindowDetector(AlertRules rules, AlertKind kind) {
        this.perService = new KeySettings(rules, kind);
    }

    abstract AlertKind kind();

    /** The value judged for this window, or null when the window cannot be judged. */
    abstract Double measure(WindowStats stats);

    /** The value above which a window is anomalous, or null while the baseline is too short. */
    abstract Double threshold(double[] baseline);

    /** Anomalous windows in a row that raise the alert. */
    abstract int windowsToFire();

    abstract String describe(double value, double threshold);

    @Override
    public void open(OpenContext ctx) {
        settings = perService.defaults();
        String name = kind().name().toLowerCase(java.util.Locale.ROOT);
        series =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        name + "-series", TypeInformation.of(Series.class)));
        legacy = new LegacySeries(getRuntimeContext(), name);
    }

    @Override
    public void processElement(WindowStats stats, Context ctx, Collector<Alert> out)
            throws Exception {
        if (stats.getRevision() != 0) {
            return;
        }
        settings = perService.of(ctx.getCurrentKey());
        Series series = current();
        if (series == null) {
            series = new Series();
        }
        series.expiresAt =
                Expiry.extend(
                        series.expiresAt,
                        stats.getWindowEnd().toEpochMilli() + settings.stateTtlMillis,
                        settings,
                        ctx.timerService());
        double[] base = series.baseline;
        Double value = measure(stats);
        Series.Step step;
        Double threshold = null;
        if (value == null) {
            step = series.skip();
        } else {
            threshold = threshold(base);
            step = series.judge(value, threshold, windowsToFire(), settings);
        }
        if (step == Series.Step.FIRING) {
            String id =
                    AlertRecords.alertId(
                            ctx.getCurrentKey(), kind(), stats.getWindowStart().toEpochMilli());
            series.fire(id);
            out.collect(transition(stats, id, AlertState.FIRING, value, base, threshold));
        } else if (step == Series.Step.RESOLVED) {
            out.collect(
                    transition(
                            stats, series.resolvedId, AlertState.RESOLVED, value, base, threshold));
        }
        this.series.update(series);
    }

    /** The service's series, moved over from a job before the one-object layout if need be. */
    private Series current() throws Exception {
        return Upgraded.value(series, legacy::take);
    }

    private Alert transition(
            WindowStats stats,
            String id,
            AlertState state,
            double value,
            double[] base,
            double threshold) {
        Map<String, String> evidence = new LinkedHashMap<>();
        Double median = AlertRecords.baselineEvidence(base, evidence);
        String summary =
                state == AlertState.FIRING
                        ? describe(value, threshold)
                        : kind()
                                + " cleared: "
                                + AlertRecords.format(value)
                                + " is back under "
                                + AlertRecords.format(threshold);
        return AlertRecords.fromWindow(
                stats, id, kind(), state, value, median, threshold, summary, evidence);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        Series current = current();
        if (current == null
                || !Expiry.due(current.expiresAt, timestamp, settings, ctx.timerService())) {
            return;
        }
        long deadline = current.expiresAt;
        String firing = current.firingId;
        if (firing != null) {
            long lastEnd = deadline - settings.stateTtlMillis;
            Alert resolved =
                    AlertRecords.bare(
                                    firing,
                                    kind(),
                                    AlertState.RESOLVED,
                                    ctx.getCurrentKey(),
                                    settings.window,
                                    lastEnd,
                                    timestamp,
                                    timestamp)
                            .setSummary(
                                    kind()
                                            + " expired: no windows since "
                                            + Instant.ofEpochMilli(lastEnd))
                            .build();
            resolved.getEvidence().put("reason", "expired");
            out.collect(resolved);
        }
        series.clear();
    }
}
