package io.logflow.jobs.alerts;

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
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
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

    private transient ValueState<double[]> baseline;
    private transient ValueState<String> firingId;
    private transient ValueState<Integer> streak;
    private transient ValueState<Long> cleanupAt;

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
        baseline =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        name + "-baseline",
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        firingId =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(name + "-firing", Types.STRING));
        streak =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(name + "-streak", Types.INT));
        cleanupAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(name + "-cleanup", Types.LONG));
    }

    @Override
    public void processElement(WindowStats stats, Context ctx, Collector<Alert> out)
            throws Exception {
        if (stats.getRevision() != 0) {
            return;
        }
        settings = perService.of(ctx.getCurrentKey());
        Expiry.extend(
                cleanupAt,
                stats.getWindowEnd().toEpochMilli() + settings.stateTtlMillis,
                settings,
                ctx.timerService());
        String firing = firingId.value();
        Integer run = streak.value();
        double[] stored = baseline.value();
        Series series = new Series(stored, firing, run);
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
        store(series, stored, firing, run);
    }

    /** Writes back what the window changed, so an unchanged series costs no state writes. */
    private void store(Series series, double[] stored, String firing, Integer run)
            throws Exception {
        if (series.baseline != stored && (stored != null || series.baseline.length > 0)) {
            baseline.update(series.baseline);
        }
        if (!java.util.Objects.equals(series.firingId, firing)) {
            if (series.firingId == null) {
                firingId.clear();
            } else {
                firingId.update(series.firingId);
            }
        }
        int before = run == null ? 0 : run;
        if (series.streak != before) {
            if (series.streak == 0) {
                streak.clear();
            } else {
                streak.update(series.streak);
            }
        }
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
        if (!Expiry.due(cleanupAt, timestamp, settings, ctx.timerService())) {
            return;
        }
        long deadline = cleanupAt.value();
        String firing = firingId.value();
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
        baseline.clear();
        firingId.clear();
        streak.clear();
        cleanupAt.clear();
    }
}
