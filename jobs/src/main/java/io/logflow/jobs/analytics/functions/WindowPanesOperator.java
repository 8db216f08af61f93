package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.analytics.WindowSpec;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The window aggregates of every window definition of the job in one keyed operator. Each event is
 * added once, to the pane of the smallest step of all definitions; a window fires when the
 * watermark passes its end, from its panes merged, and again with the next revision for every event
 * within the allowed lateness; an event later than that for a definition goes to that definition's
 * late output. These are the firing, lateness and revision rules of Flink's window operator with an
 * event-time trigger, allowed lateness and a late-data side output, which this replaces: there,
 * each definition aggregated every event again (five times for a five-step sliding window) and each
 * (service, window) pair kept its own state entries and two timers; here a service has one state
 * object and at most one pending timer.
 */
public final class WindowPanesOperator extends AbstractStreamOperator<WindowStats>
        implements OneInputStreamOperator<CompactEvent, WindowStats>,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;

    private static final Comparator<long[]> BY_END_THEN_DEFINITION =
            Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1]);

    private final String[] names;
    private final long[] sizes;
    private final long[] slides;
    private final long lateness;
    private final long pane;
    private final WindowStatsAggregate aggregate;
    private final List<OutputTag<CompactEvent>> lateOutputs;

    private transient ValueState<WindowPanes> state;
    private transient InternalTimerService<VoidNamespace> timers;

    /**
     * Windows of {@code specs}, late updates for {@code allowedLateness} after each window's end,
     * and for each definition, in order, the output of its events later than that.
     */
    public WindowPanesOperator(
            List<WindowSpec> specs,
            Duration allowedLateness,
            WindowStatsAggregate aggregate,
            List<OutputTag<CompactEvent>> lateOutputs) {
        if (specs.isEmpty() || specs.size() != lateOutputs.size()) {
            throw new IllegalArgumentException("one late output per window definition");
        }
        names = new String[specs.size()];
        sizes = new long[specs.size()];
        slides = new long[specs.size()];
        long step = 0;
        for (int i = 0; i < specs.size(); i++) {
            names[i] = specs.get(i).name();
            sizes[i] = specs.get(i).size().toMillis();
            slides[i] = specs.get(i).slide().toMillis();
            step = gcd(gcd(step, sizes[i]), slides[i]);
        }
        this.pane = step;
        this.lateness = allowedLateness.toMillis();
        this.aggregate = aggregate;
        this.lateOutputs = List.copyOf(lateOutputs);
    }

    @Override
    public void open() throws Exception {
        super.open();
        state =
                getPartitionedState(
                        new ValueStateDescriptor<>(
                                "window-panes", WindowPanesSerializer.TypeInfo.INSTANCE));
        timers = getInternalTimerService("window-panes", VoidNamespaceSerializer.INSTANCE, this);
    }

    @Override
    public void processElement(StreamRecord<CompactEvent> element) throws Exception {
        if (!element.hasTimestamp()) {
            throw new IllegalStateException(
                    "An event without a timestamp reached the windows; the source assigns one"
                            + " to every event it lets through");
        }
        long ts = element.getTimestamp();
        long watermark = timers.currentWatermark();
        boolean accepted = false;
        for (int i = 0; i < names.length; i++) {
            if (isLate(start(ts, slides[i]) + sizes[i] - 1, watermark)) {
                output.collect(lateOutputs.get(i), element);
            } else {
                accepted = true;
            }
        }
        if (!accepted) {
            return;
        }
        WindowPanes panes = state.value();
        if (panes == null) {
            panes = new WindowPanes();
        }
        // Every window that ended at or before this watermark has fired: its timer came first.
        panes.firedUntil = Math.max(panes.firedUntil, watermark);
        long paneStart = start(ts, pane);
        WindowAccumulator acc = panes.paneToChange(paneStart);
        boolean changed = acc == null;
        WindowAccumulator added =
                aggregate.add(element.getValue(), changed ? aggregate.createAccumulator() : acc);
        if (added != acc) {
            panes.put(paneStart, added);
        }
        for (int i = 0; i < names.length; i++) {
            // Latest window first, as Flink's sliding assigner lists them; earlier ones end
            // earlier.
            for (long s = start(ts, slides[i]); s > ts - sizes[i]; s -= slides[i]) {
                long maxTimestamp = s + sizes[i] - 1;
                if (isLate(maxTimestamp, watermark)) {
                    break;
                }
                if (maxTimestamp <= watermark) {
                    fire(panes, i, s);
                    changed = true;
                }
            }
        }
        if (changed) {
            schedule(panes, watermark);
        }
        state.update(panes);
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        WindowPanes panes = state.value();
        if (panes == null) {
            return;
        }
        long watermark = timers.currentWatermark();
        if (timer.getTimestamp() >= panes.timer) {
            panes.timer = WindowPanes.NO_TIMER;
        }
        List<long[]> due = new ArrayList<>();
        for (int j = 0; j < panes.paneCount; j++) {
            long ps = panes.starts[j];
            for (int i = 0; i < names.length; i++) {
                for (long s = start(ps, slides[i]); s > ps - sizes[i]; s -= slides[i]) {
                    long maxTimestamp = s + sizes[i] - 1;
                    if (maxTimestamp > panes.firedUntil && maxTimestamp <= watermark) {
                        due.add(new long[] {maxTimestamp, i, s});
                    }
                }
            }
        }
        due.sort(BY_END_THEN_DEFINITION);
        long[] last = null;
        for (long[] window : due) {
            if (last == null || last[0] != window[0] || last[1] != window[1]) {
                fire(panes, (int) window[1], window[2]);
            }
            last = window;
        }
        panes.firedUntil = Math.max(panes.firedUntil, watermark);
        panes.dropFired((i, end) -> isLate(end - 1, watermark));
        panes.dropPanes(ps -> retention(ps) <= watermark);
        if (panes.isEmpty()) {
            state.clear();
            return;
        }
        schedule(panes, watermark);
        state.update(panes);
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
        // Event time only.
    }

    /** Emits window {@code [start, start + size)} of definition {@code i} from its panes. */
    private void fire(WindowPanes panes, int i, long start) {
        long end = start + sizes[i];
        WindowAccumulator merged = null;
        boolean copied = false;
        for (int j = 0; j < panes.paneCount; j++) {
            long ps = panes.starts[j];
            if (ps < start || ps >= end) {
                continue;
            }
            if (merged == null) {
                merged = panes.panes[j];
            } else {
                if (!copied) {
                    merged = merged.copy();
                    copied = true;
                }
                merged.merge(panes.panes[j]);
            }
        }
        WindowStats stats = aggregate.getResult(merged);
        stats.setService((String) getCurrentKey());
        stats.setWindow(names[i]);
        stats.setWindowStart(Instant.ofEpochMilli(start));
        stats.setWindowEnd(Instant.ofEpochMilli(end));
        stats.setRevision(panes.nextRevision(i, end));
        stats.setEmittedAt(Instant.now());
        // Flink's window operator stamps results with the window's last millisecond.
        output.collect(new StreamRecord<>(stats, end - 1));
    }

    /** Registers the earliest next firing or clean-up unless an earlier timer is pending. */
    private void schedule(WindowPanes panes, long watermark) {
        long next = WindowPanes.NO_TIMER;
        for (int j = 0; j < panes.paneCount; j++) {
            long ps = panes.starts[j];
            next = Math.min(next, retention(ps));
            for (int i = 0; i < names.length; i++) {
                for (long s = start(ps, slides[i]); s > ps - sizes[i]; s -= slides[i]) {
                    long maxTimestamp = s + sizes[i] - 1;
                    if (maxTimestamp > panes.firedUntil) {
                        next = Math.min(next, maxTimestamp);
                    }
                }
            }
        }
        for (int k = 0; k < panes.firedCount; k++) {
            next = Math.min(next, cleanupTime(panes.firedEnds[k] - 1));
        }
        // Everything due by now has been handled; a timer at or before the watermark would fire
        // again within the same watermark, so an inconsistency here could never spin the task.
        next = Math.max(next, watermark == Long.MAX_VALUE ? watermark : watermark + 1);
        if (next < panes.timer) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, next);
            panes.timer = next;
        }
    }

    /** When the last window of any definition that holds pane {@code ps} is cleaned up. */
    private long retention(long ps) {
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < names.length; i++) {
            latest = Math.max(latest, cleanupTime(start(ps, slides[i]) + sizes[i] - 1));
        }
        return latest;
    }

    /** Flink's rule: a window is gone once the watermark reaches its end plus the lateness. */
    private boolean isLate(long maxTimestamp, long watermark) {
        return cleanupTime(maxTimestamp) <= watermark;
    }

    private long cleanupTime(long maxTimestamp) {
        long t = maxTimestamp + lateness;
        return t >= maxTimestamp ? t : Long.MAX_VALUE;
    }

    private static long start(long timestamp, long step) {
        return TimeWindow.getWindowStartWithOffset(timestamp, 0, step);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
