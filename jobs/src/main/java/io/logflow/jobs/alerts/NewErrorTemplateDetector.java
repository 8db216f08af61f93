package io.logflow.jobs.alerts;

import io.logflow.jobs.state.Upgraded;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.LogPattern;
import java.util.ArrayList;
import java.util.List;
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
 * Fires when a service logs an ERROR/FATAL template it never logged before, read from the pattern
 * miner's {@code newError} flag. A fresh start sees every template as new, so the first {@code
 * warm-up} windows of each service only learn. One stray line of a rare template is not an
 * incident: the template fires once its error lines reach {@code min-errors} within its first two
 * windows. It resolves after {@code resolve-windows} windows without a line of it.
 */
public final class NewErrorTemplateDetector
        extends KeyedProcessFunction<String, LogPattern, Alert> {

    private static final long serialVersionUID = 1L;

    private final KeySettings perService;

    // The current key's settings, set on entry to every callback (a rule may change them per
    // service); the state-wide TTL and step are the same for all.
    private transient AlertSettings settings;

    private transient ValueState<TemplateWarmup> warmup;
    private transient TemplateWarmup.Legacy legacy;
    private transient MapState<Long, TemplateWatch> watches;

    public NewErrorTemplateDetector(AlertSettings settings) {
        this(AlertRules.of(settings));
    }

    public NewErrorTemplateDetector(AlertRules rules) {
        this.perService = new KeySettings(rules, AlertKind.NEW_ERROR_TEMPLATE);
    }

    @Override
    public void open(OpenContext ctx) {
        settings = perService.defaults();
        warmup =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "warmup", TypeInformation.of(TemplateWarmup.class)));
        legacy = new TemplateWarmup.Legacy(getRuntimeContext());
        watches =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "watches",
                                        Types.LONG,
                                        TypeInformation.of(TemplateWatch.class)));
    }

    @Override
    public void processElement(LogPattern p, Context ctx, Collector<Alert> out) throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        long start = p.getWindowStart().toEpochMilli();
        long end = p.getWindowEnd().toEpochMilli();
        TemplateWarmup w = current();
        if (w == null || start > w.lastStart) {
            if (w == null) {
                w = new TemplateWarmup();
            }
            w.windows = Math.min(w.windows + 1, settings.templateWarmupWindows + 1);
            w.lastStart = start;
            w.expiresAt =
                    Expiry.extend(
                            w.expiresAt,
                            end + settings.stateTtlMillis,
                            settings,
                            ctx.timerService());
            warmup.update(w);
            settleDue(start, ctx.getCurrentKey(), out);
        }
        int seen = w.windows;
        TemplateWatch watch = watches.get(p.getTemplateId());
        if (watch == null) {
            if (!p.getNewError() || seen <= settings.templateWarmupWindows) {
                return;
            }
            watch = new TemplateWatch();
            watch.firstWindowStart = start;
        }
        watch.errorCount += p.getErrorCount();
        watch.lastSeenEnd = end;
        if (watch.alertId == null && watch.errorCount >= settings.templateMinErrors) {
            watch.alertId =
                    AlertRecords.alertId(
                                    ctx.getCurrentKey(),
                                    AlertKind.NEW_ERROR_TEMPLATE,
                                    watch.firstWindowStart)
                            + "|"
                            + p.getTemplateId();
            out.collect(firing(p, watch));
        }
        watches.put(p.getTemplateId(), watch);
        ctx.timerService().registerEventTimeTimer(due(watch));
    }

    /**
     * Settles, as their timers would have, the watches due by the start of the service's window
     * that begins at {@code start}: a window of any template starting that late shows their quiet
     * windows have passed. It matters when the watermark jumps past a timer together with later
     * windows (a backlog, or the end of a bounded input, which otherwise ends no template).
     */
    private void settleDue(long start, String service, Collector<Alert> out) throws Exception {
        List<Map.Entry<Long, TemplateWatch>> due = new ArrayList<>();
        for (Map.Entry<Long, TemplateWatch> e : watches.entries()) {
            if (due(e.getValue()) <= start) {
                due.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<Long, TemplateWatch> e : due) {
            settle(e.getKey(), e.getValue(), due(e.getValue()), false, service, out);
        }
    }

    /** Confirmation ends with the window after the first; resolution waits for quiet windows. */
    private long due(TemplateWatch w) {
        return w.alertId == null
                ? w.firstWindowStart + 2 * settings.stepMillis
                : w.lastSeenEnd + settings.resolveWindows * settings.stepMillis;
    }

    private Alert firing(LogPattern p, TemplateWatch watch) {
        Alert alert =
                AlertRecords.bare(
                                watch.alertId,
                                AlertKind.NEW_ERROR_TEMPLATE,
                                AlertState.FIRING,
                                p.getService(),
                                settings.window,
                                p.getWindowStart().toEpochMilli(),
                                p.getWindowEnd().toEpochMilli(),
                                p.getWindowEnd().toEpochMilli())
                        .setValue((double) watch.errorCount)
                        .setThreshold((double) settings.templateMinErrors)
                        .setSummary("New error template: " + p.getTemplate())
                        .build();
        Map<String, String> evidence = alert.getEvidence();
        evidence.put("templateId", String.valueOf(p.getTemplateId()));
        evidence.put("template", p.getTemplate());
        evidence.put("example", p.getExample());
        evidence.put("errorCount", String.valueOf(watch.errorCount));
        evidence.put("firstSeen", p.getFirstSeen().toString());
        return alert;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the end of a bounded input ends no template
        }
        TemplateWarmup w = current();
        long deadline = w == null ? 0 : w.expiresAt;
        boolean expire = deadline != 0 && deadline <= timestamp;
        if (deadline != 0 && !expire) {
            // As in WindowDetector: a timer before the deadline keeps the deadline's own timer.
            ctx.timerService().registerEventTimeTimer(settings.cleanupTimer(deadline));
        }
        List<Map.Entry<Long, TemplateWatch>> due = new ArrayList<>();
        for (Map.Entry<Long, TemplateWatch> e : watches.entries()) {
            if (expire || due(e.getValue()) <= timestamp) {
                due.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<Long, TemplateWatch> e : due) {
            settle(e.getKey(), e.getValue(), timestamp, expire, ctx.getCurrentKey(), out);
        }
        if (expire) {
            warmup.clear();
        }
    }

    /** The service's warm-up, moved over from a job before the one-object layout if need be. */
    private TemplateWarmup current() throws Exception {
        return Upgraded.value(warmup, legacy::take);
    }

    /** Ends a watch: an unconfirmed one quietly, a firing one with its RESOLVED alert. */
    private void settle(
            long templateId,
            TemplateWatch w,
            long at,
            boolean expired,
            String service,
            Collector<Alert> out)
            throws Exception {
        watches.remove(templateId);
        if (w.alertId == null) {
            return;
        }
        Alert resolved =
                AlertRecords.bare(
                                w.alertId,
                                AlertKind.NEW_ERROR_TEMPLATE,
                                AlertState.RESOLVED,
                                service,
                                settings.window,
                                at - settings.stepMillis,
                                at,
                                at)
                        .setValue((double) w.errorCount)
                        .setSummary(
                                "No lines of the new error template for "
                                        + settings.resolveWindows
                                        + " window(s)")
                        .build();
        resolved.getEvidence().put("templateId", String.valueOf(templateId));
        if (expired) {
            resolved.getEvidence().put("reason", "expired");
        }
        out.collect(resolved);
    }
}
