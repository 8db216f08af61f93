package io.logflow.jobs.analytics.functions;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * One service's open windows of every window definition, as one state object: an accumulator per
 * pane (the smallest step of all definitions), merged when a window fires, and the revision of each
 * window that fired and may still be updated by late events.
 *
 * <p>Panes are kept sorted by start; events mostly land in the newest, so look-ups scan from the
 * end. A copy (the heap backend makes one of each state object written after a checkpoint began)
 * shares the panes with the original and copies one only before it changes: the sketches' copies
 * are byte round trips, and most panes of a service no longer change.
 */
public final class WindowPanes {

    /** No timer registered. */
    static final long NO_TIMER = Long.MAX_VALUE;

    long[] starts;
    WindowAccumulator[] panes;
    int paneCount;

    /** Panes still shared with the object this one was copied from: never changed in place. */
    boolean[] shared;

    /** Fired windows still within their lateness: definition index, end and last revision. */
    int[] firedSpecs;

    long[] firedEnds;
    int[] firedRevisions;
    int firedCount;

    /** The watermark up to which every window has fired on time. */
    long firedUntil = Long.MIN_VALUE;

    /** The earliest timer registered and not yet fired, or {@link #NO_TIMER}. */
    long timer = NO_TIMER;

    public WindowPanes() {
        this(2, 2);
    }

    WindowPanes(int panes, int fired) {
        starts = new long[Math.max(1, panes)];
        this.panes = new WindowAccumulator[Math.max(1, panes)];
        shared = new boolean[Math.max(1, panes)];
        firedSpecs = new int[Math.max(1, fired)];
        firedEnds = new long[Math.max(1, fired)];
        firedRevisions = new int[Math.max(1, fired)];
    }

    /** The pane starting at {@code start}, ready to change (no longer shared), or null. */
    WindowAccumulator paneToChange(long start) {
        for (int i = paneCount - 1; i >= 0; i--) {
            if (starts[i] == start) {
                if (shared[i]) {
                    panes[i] = panes[i].copy();
                    shared[i] = false;
                }
                return panes[i];
            }
            if (starts[i] < start) {
                return null;
            }
        }
        return null;
    }

    /** Sets the pane starting at {@code start}; true if it is new. */
    boolean put(long start, WindowAccumulator acc) {
        int i = paneCount - 1;
        while (i >= 0 && starts[i] > start) {
            i--;
        }
        if (i >= 0 && starts[i] == start) {
            panes[i] = acc;
            shared[i] = false;
            return false;
        }
        if (paneCount == starts.length) {
            starts = Arrays.copyOf(starts, paneCount * 2);
            panes = Arrays.copyOf(panes, paneCount * 2);
            shared = Arrays.copyOf(shared, paneCount * 2);
        }
        int at = i + 1;
        System.arraycopy(starts, at, starts, at + 1, paneCount - at);
        System.arraycopy(panes, at, panes, at + 1, paneCount - at);
        System.arraycopy(shared, at, shared, at + 1, paneCount - at);
        starts[at] = start;
        panes[at] = acc;
        shared[at] = false;
        paneCount++;
        return true;
    }

    /** The revision the next firing of a window carries: 0 first, then one more each time. */
    int nextRevision(int spec, long end) {
        for (int i = 0; i < firedCount; i++) {
            if (firedSpecs[i] == spec && firedEnds[i] == end) {
                return ++firedRevisions[i];
            }
        }
        if (firedCount == firedEnds.length) {
            firedSpecs = Arrays.copyOf(firedSpecs, firedCount * 2);
            firedEnds = Arrays.copyOf(firedEnds, firedCount * 2);
            firedRevisions = Arrays.copyOf(firedRevisions, firedCount * 2);
        }
        firedSpecs[firedCount] = spec;
        firedEnds[firedCount] = end;
        firedRevisions[firedCount] = 0;
        firedCount++;
        return 0;
    }

    /** Drops the panes whose start {@code expired} accepts. */
    void dropPanes(LongPredicate expired) {
        int kept = 0;
        for (int i = 0; i < paneCount; i++) {
            if (!expired.test(starts[i])) {
                starts[kept] = starts[i];
                shared[kept] = shared[i];
                panes[kept++] = panes[i];
            }
        }
        Arrays.fill(panes, kept, paneCount, null);
        paneCount = kept;
    }

    /** Drops the fired windows {@code expired} accepts. */
    void dropFired(FiredWindow expired) {
        int kept = 0;
        for (int i = 0; i < firedCount; i++) {
            if (!expired.test(firedSpecs[i], firedEnds[i])) {
                firedSpecs[kept] = firedSpecs[i];
                firedEnds[kept] = firedEnds[i];
                firedRevisions[kept++] = firedRevisions[i];
            }
        }
        firedCount = kept;
    }

    boolean isEmpty() {
        return paneCount == 0 && firedCount == 0;
    }

    /** A test on a fired window: its definition's index and its end. */
    @FunctionalInterface
    interface FiredWindow {
        boolean test(int spec, long end);
    }

    /**
     * A copy a checkpoint's snapshot cannot see change: the panes are shared until the copy changes
     * one ({@link #paneToChange}), the rest is copied.
     */
    public WindowPanes copy() {
        WindowPanes c = new WindowPanes(paneCount, firedCount);
        System.arraycopy(starts, 0, c.starts, 0, paneCount);
        System.arraycopy(panes, 0, c.panes, 0, paneCount);
        Arrays.fill(c.shared, 0, paneCount, true);
        c.paneCount = paneCount;
        System.arraycopy(firedSpecs, 0, c.firedSpecs, 0, firedCount);
        System.arraycopy(firedEnds, 0, c.firedEnds, 0, firedCount);
        System.arraycopy(firedRevisions, 0, c.firedRevisions, 0, firedCount);
        c.firedCount = firedCount;
        c.firedUntil = firedUntil;
        c.timer = timer;
        return c;
    }
}
