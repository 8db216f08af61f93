package io.logflow.jobs.alerts;

import io.logflow.jobs.state.Upgraded;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.WindowStats;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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

    private transient ValueState<SilenceState> state;
    private transient SilenceState.Legacy legacy;

    public SilenceDetector(AlertSettings settings) {
        this(AlertRules.of(settings));
    }

    public SilenceDetector(AlertRules rules) {
        this.perService = new KeySettings(rules, AlertKind.SILENCE);
    }

    @Override
    public void open(OpenContext ctx) {
        settings = perService.defaults();
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "silence", TypeInformation.of(SilenceState.class)));
        legacy = new SilenceState.Legacy(getRuntimeContext());
    }

    @Override
    public void processElement(WindowStats stats, Context ctx, Collector<Alert> out)
            throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        long end = stats.getWindowEnd().toEpochMilli();
        if (stats.getRevision() != 0) {
            return;
        }
        SilenceState s = current();
        if (s != null && end <= s.lastEnd) {
            return;
        }
        if (s == null) {
            s = new SilenceState();
            s.lastEnd = Long.MIN_VALUE;
        }
        boolean known = s.lastEnd != Long.MIN_VALUE;
        long last = s.lastEnd;
        String firing = s.firingId;
        long due = known ? last + settings.silenceWindows * settings.stepMillis : Long.MAX_VALUE;
        boolean established = s.windowsSeen >= settings.minBaselineWindows;
        // Counted up to the threshold only: the state stays one small int.
        if (!established) {
            s.windowsSeen++;
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
            s.firingId = null;
        }
        s.lastEnd = end;
        schedule(s, end + settings.silenceWindows * settings.stepMillis, ctx, known);
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        settings = perService.of(ctx.getCurrentKey());
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            // The end of a bounded input is not silence.
            return;
        }
        SilenceState s = current();
        if (s == null) {
            return;
        }
        long last = s.lastEnd;
        String service = ctx.getCurrentKey();
        if (s.firingId == null && s.windowsSeen < settings.minBaselineWindows) {
            state.clear();
            return;
        }
        if (s.firingId == null) {
            Alert alert = silence(service, last, timestamp);
            out.collect(alert);
            s.firingId = alert.getAlertId();
            schedule(s, last + settings.stateTtlMillis, ctx, true);
            state.update(s);
            return;
        }
        Alert expired =
                AlertRecords.bare(
                                s.firingId,
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
        state.clear();
    }

    /** The service's state, moved over from a job before the one-object layout if need be. */
    private SilenceState current() throws Exception {
        return Upgraded.value(state, legacy::take);
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

    /** Moves the service's one silence timer to {@code at}; {@code known}: one is registered. */
    private static void schedule(SilenceState s, long at, Context ctx, boolean known) {
        if (known) {
            ctx.timerService().deleteEventTimeTimer(s.timer);
        }
        ctx.timerService().registerEventTimeTimer(at);
        s.timer = at;
    }
}
