package io.logflow.dashboard.prometheus;

import io.logflow.schema.WindowStats;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One service's share of the exporter: cumulative events per level and responses per status class
 * over every window counted, the newest window, and what each remembered window added, so a late
 * revision adds only its difference and the counters stay monotonic and exact.
 */
final class ServiceSeries {

    /** What one window (at its highest revision seen) has added to the counters. */
    private record Counted(int revision, Map<String, Long> levels, Map<String, Long> classes) {}

    private final int maxRememberedWindows;
    private final NavigableMap<Long, Counted> counted = new TreeMap<>();
    private WindowStats newest;

    ServiceSeries(int maxRememberedWindows) {
        this.maxRememberedWindows = maxRememberedWindows;
    }

    /**
     * Adds what {@code w} counts beyond the revision of its window already counted into {@code
     * levels} and {@code classes}; an older or equal revision adds nothing. Returns whether it
     * counted.
     */
    boolean add(WindowStats w, Map<String, Long> levels, Map<String, Long> classes) {
        long start = w.getWindowStart().toEpochMilli();
        Counted before = counted.get(start);
        if (before != null && before.revision() >= w.getRevision()) {
            return false;
        }
        if (before == null
                && !counted.isEmpty()
                && start < counted.firstKey()
                && counted.size() >= maxRememberedWindows) {
            // Older than every window remembered: it may have been counted and forgotten, and
            // counting it twice would break exactness; it is far beyond any allowed lateness.
            return false;
        }
        Map<String, Long> l = new HashMap<>(w.getLevelCounts());
        Map<String, Long> c = new HashMap<>(w.getStatusClassCounts());
        addDifference(levels, l, before == null ? Map.of() : before.levels());
        addDifference(classes, c, before == null ? Map.of() : before.classes());
        counted.put(start, new Counted(w.getRevision(), l, c));
        while (counted.size() > maxRememberedWindows) {
            counted.pollFirstEntry();
        }
        if (newest == null
                || w.getWindowStart().isAfter(newest.getWindowStart())
                || (w.getWindowStart().equals(newest.getWindowStart())
                        && w.getRevision() > newest.getRevision())) {
            newest = w;
        }
        return true;
    }

    /** The newest window counted (the latest complete one: results come when windows close). */
    WindowStats newest() {
        return newest;
    }

    private static void addDifference(
            Map<String, Long> into, Map<String, Long> now, Map<String, Long> before) {
        now.forEach(
                (key, n) -> {
                    // A later revision of a window only ever adds events; never step back.
                    long d = Math.max(0, n - before.getOrDefault(key, 0L));
                    into.merge(key, d, Long::sum);
                });
    }
}
