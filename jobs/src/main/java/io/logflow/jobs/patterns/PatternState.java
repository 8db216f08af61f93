package io.logflow.jobs.patterns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's template miner together with the template counts of its windows not yet emitted, in
 * one state object: an event costs one state lookup and one write (the miner and a map state of
 * counts cost four), and a checkpoint copies one object per changed service.
 */
public final class PatternState {

    final TemplateMiner miner;

    // Windows not yet emitted, one or two at a time: a list scan beats a map at that size.
    final ArrayList<OpenWindow> windows;

    PatternState(TemplateMiner miner) {
        this(miner, new ArrayList<>(2));
    }

    private PatternState(TemplateMiner miner, ArrayList<OpenWindow> windows) {
        this.miner = miner;
        this.windows = windows;
    }

    /** The window starting at {@code start}, or null while it has no counts. */
    OpenWindow window(long start) {
        int i = indexOf(start);
        return i < 0 ? null : windows.get(i);
    }

    private int indexOf(long start) {
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).start == start) {
                return i;
            }
        }
        return -1;
    }

    /** A new, empty window at {@code start}; the caller checked there is none. */
    OpenWindow open(long start) {
        OpenWindow w = new OpenWindow(start, new HashMap<>(4));
        windows.add(w);
        return w;
    }

    /** Removes and returns the window at {@code start}, or null. */
    OpenWindow close(long start) {
        int i = indexOf(start);
        return i < 0 ? null : windows.remove(i);
    }

    /** A deep copy sharing nothing mutable, as a checkpoint's copy-on-write needs. */
    PatternState copy() {
        ArrayList<OpenWindow> copied = new ArrayList<>(Math.max(2, windows.size()));
        for (OpenWindow w : windows) {
            HashMap<Long, WindowCount> counts = new HashMap<>(Math.max(4, w.counts.size() * 2));
            for (Map.Entry<Long, WindowCount> e : w.counts.entrySet()) {
                counts.put(e.getKey(), e.getValue().copy());
            }
            copied.add(new OpenWindow(w.start, counts));
        }
        return new PatternState(miner.copy(), copied);
    }

    /** The counts of one window so far, by template id. */
    record OpenWindow(long start, HashMap<Long, WindowCount> counts) {}
}
