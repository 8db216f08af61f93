package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Fires when a service that was sending produces no window for N window steps. An event-time timer
 * at {@code lastWindowEnd + N * step} does the waiting, so the alert comes although the service
 * emits nothing at all, as long as the other services move the watermark. A window arriving again
 * resolves it; a service silent for the state TTL is forgotten (its alert resolved as expired), so
 * decommissioned services do not keep state forever.
 *
 * <p>Only a service with an established baseline (at least {@code alerts.min-baseline-windows}
 * windows) can be silent: a one-off producer that sent one window's worth of events is not a
 * service that went quiet. Its state is dropped when its timer comes instead.
 */
public final class SilenceDetector extends KeyedProcessFunction<String, WindowStats, Alert> {

    private static final long serialVersionUID = 1L;

    private final KeySettings perService;

    // The current key's settings, set on entry to every callback (a rule may change them per
    // service); the state-wide TTL and step are the same for all.
    private transient AlertSettings settings;

    private transient ValueState<Long> lastEnd;
    private transient ValueState<Long> timer;
    private transient ValueState<String> firingId;
    private transient ValueState<Integer> windowsSeen;

    public SilenceDetector(AlertSettings settings) {
        this(AlertRules.of(settings));
    }

    public SilenceDetector(AlertRules rules) {
        this.perService = new KeySettings(rules, AlertKind.SILENCE);
    }

    @Override
    public void open(OpenContext ctx) {
        settings = perService.defaults();
        lastEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("last-end", Types.LONG));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
        firingId = getRuntimeContext().getState(new ValueStateDescriptor<>("firing", Types.STRING));
        windowsSeen =
                getRuntimeContext().getState(new ValueStateDescriptor<>("windows-seen", Types.INT));
    }

    @Override
    public void processElement(WindowStats stats, Context ctx, Collector<Alert> out)
            throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        long end = stats.getWindowEnd().toEpochMilli();
        if (stats.getRevision() != 0) {
            return;
        }
        Long last = lastEnd.value();
        if (last != null && end <= last) {
            return;
        }
        String firing = firingId.value();
        long due =
                last == null
                        ? Long.MAX_VALUE
                        : last + settings.silenceWindows * settings.stepMillis;
        int seen = seen();
        boolean established = seen >= settings.minBaselineWindows;
        // Counted up to the threshold only: the state stays one small int.
        if (!established) {
            windowsSeen.update(seen + 1);
        }
        if (firing == null && established && stats.getWindowStart().toEpochMilli() >= due) {
            // The watermark jumped over the silence and this window at once (a backlog): the
            // timer has not fired yet, but the gap was there all the same.
            out.collect(silence(ctx.getCurrentKey(), last, due));
            firing =
                    AlertRecords.alertId(
                            ctx.getCurrentKey(), AlertKind.SILENCE, due - settings.stepMillis);
        }
        if (firing != null) {
            long silentSince = last;
            Alert resolved =
                    AlertRecords.bare(
                                    firing,
                                    AlertKind.SILENCE,
                                    AlertState.RESOLVED,
                                    ctx.getCurrentKey(),
                                    settings.window,
                                    stats.getWindowStart().toEpochMilli(),
                                    end,
                                    end)
                            .setValue((double) stats.getCount())
                            .setSummary(
                                    "Sending again: "
                                            + stats.getCount()
                                            + " events in the window from "
                                            + stats.getWindowStart())
                            .build();
            resolved.getEvidence().put("silentSince", Instant.ofEpochMilli(silentSince).toString());
            out.collect(resolved);
            firingId.clear();
        }
        lastEnd.update(end);
        schedule(end + settings.silenceWindows * settings.stepMillis, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            // The end of a bounded input is not silence.
            return;
        }
        long last = lastEnd.value();
        String service = ctx.getCurrentKey();
        if (firingId.value() == null && !established()) {
            lastEnd.clear();
            timer.clear();
            windowsSeen.clear();
            return;
        }
        if (firingId.value() == null) {
            Alert alert = silence(service, last, timestamp);
            out.collect(alert);
            firingId.update(alert.getAlertId());
            schedule(last + settings.stateTtlMillis, ctx);
            return;
        }
        Alert expired =
                AlertRecords.bare(
                                firingId.value(),
                                AlertKind.SILENCE,
                                AlertState.RESOLVED,
                                service,
                                settings.window,
                                last,
                                timestamp,
                                timestamp)
                        .setSummary(
                                "Forgetting "
                                        + service
                                        + ": silent since "
                                        + Instant.ofEpochMilli(last))
                        .build();
        expired.getEvidence().put("reason", "expired");
        out.collect(expired);
        lastEnd.clear();
        timer.clear();
        firingId.clear();
        windowsSeen.clear();
    }

    private int seen() throws Exception {
        Integer n = windowsSeen.value();
        return n == null ? 0 : n;
    }

    private boolean established() throws Exception {
        return seen() >= settings.minBaselineWindows;
    }

    /** The FIRING alert of a service silent since {@code last}, decided at {@code at}. */
    private Alert silence(String service, long last, long at) {
        long windowStart = at - settings.stepMillis;
        Alert alert =
                AlertRecords.bare(
                                AlertRecords.alertId(service, AlertKind.SILENCE, windowStart),
                                AlertKind.SILENCE,
                                AlertState.FIRING,
                                service,
                                settings.window,
                                windowStart,
                                at,
                                at)
                        .setValue((double) settings.silenceWindows)
                        .setThreshold((double) settings.silenceWindows)
                        .setSummary(
                                "No events from "
                                        + service
                                        + " since "
                                        + Instant.ofEpochMilli(last)
                                        + " ("
                                        + settings.silenceWindows
                                        + " window(s))")
                        .build();
        alert.getEvidence().put("lastWindowEnd", Instant.ofEpochMilli(last).toString());
        return alert;
    }

    private void schedule(long at, Context ctx) throws Exception {
        Long previous = timer.value();
        if (previous != null) {
            ctx.timerService().deleteEventTimeTimer(previous);
        }
        ctx.timerService().registerEventTimeTimer(at);
        timer.update(at);
    }
}
