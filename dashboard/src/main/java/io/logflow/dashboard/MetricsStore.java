package io.logflow.dashboard;

import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard's memory: per service and window definition, a time series of window results,
 * upserted on (service, window, start) so a late firing replaces the earlier result instead of
 * adding to it. Bounded by a retention span and a point cap per series. Thread-safe.
 */
public final class MetricsStore {

    private final Duration retention;
    private final int maxPointsPerSeries;
    private final Map<String, Map<String, NavigableMap<Long, WindowStats>>> series =
            new TreeMap<>();
    private Instant lastResultAt;
    private Instant latestWindowEnd;

    public MetricsStore(Duration retention, int maxPointsPerSeries) {
        this.retention = retention;
        this.maxPointsPerSeries = maxPointsPerSeries;
    }

    /**
     * Keeps {@code stats} unless a result with a higher revision for the same window is already
     * there; returns whether anything changed.
     */
    public synchronized boolean upsert(WindowStats stats, Instant receivedAt) {
        NavigableMap<Long, WindowStats> points =
                series.computeIfAbsent(stats.getService(), s -> new TreeMap<>())
                        .computeIfAbsent(stats.getWindow(), w -> new TreeMap<>());
        long start = stats.getWindowStart().toEpochMilli();
        WindowStats existing = points.get(start);
        if (existing != null && existing.getRevision() > stats.getRevision()) {
            return false;
        }
        points.put(start, stats);
        lastResultAt = receivedAt;
        if (latestWindowEnd == null || stats.getWindowEnd().isAfter(latestWindowEnd)) {
            latestWindowEnd = stats.getWindowEnd();
        }
        // Retention counts back from this series' newest window, but never from later than now:
        // one result from a skewed clock must not wipe every series' history.
        Instant newest = points.lastEntry().getValue().getWindowEnd();
        Instant anchor = newest.isAfter(receivedAt) ? receivedAt : newest;
        points.headMap(anchor.minus(retention).toEpochMilli(), false).clear();
        while (points.size() > maxPointsPerSeries) {
            points.pollFirstEntry();
        }
        return true;
    }

    /** Service names, sorted. */
    public synchronized List<String> services() {
        return new ArrayList<>(series.keySet());
    }

    /** Window definitions seen, shortest first by name order of their size. */
    public synchronized List<String> windows() {
        TreeSet<String> names = new TreeSet<>();
        series.values().forEach(byWindow -> names.addAll(byWindow.keySet()));
        List<String> out = new ArrayList<>(names);
        out.sort(
                (a, b) -> {
                    int bySize = Long.compare(typicalSize(a), typicalSize(b));
                    return bySize != 0 ? bySize : a.compareTo(b);
                });
        return out;
    }

    /** Results of {@code service} for {@code window} with a start at or after {@code from}. */
    public synchronized List<WindowStats> series(String service, String window, Instant from) {
        NavigableMap<Long, WindowStats> points = points(service, window);
        return points == null
                ? List.of()
                : new ArrayList<>(points.tailMap(from.toEpochMilli(), true).values());
    }

    /** The newest result of {@code service} for {@code window}. */
    public synchronized Optional<WindowStats> latest(String service, String window) {
        NavigableMap<Long, WindowStats> points = points(service, window);
        return points == null || points.isEmpty()
                ? Optional.empty()
                : Optional.of(points.lastEntry().getValue());
    }

    public synchronized boolean hasService(String service) {
        return series.containsKey(service);
    }

    /** Wall-clock time the newest result arrived, or null. */
    public synchronized Instant lastResultAt() {
        return lastResultAt;
    }

    /** The latest window end seen, or null: how far event time has got. */
    public synchronized Instant latestWindowEnd() {
        return latestWindowEnd;
    }

    /**
     * Events counted by the results of {@code window} whose windows end in {@code (from, to]}, over
     * all services.
     */
    public synchronized long eventsEnding(String window, Instant from, Instant to) {
        long n = 0;
        for (Map<String, NavigableMap<Long, WindowStats>> byWindow : series.values()) {
            NavigableMap<Long, WindowStats> points = byWindow.get(window);
            if (points == null) {
                continue;
            }
            for (WindowStats w : points.descendingMap().values()) {
                if (!w.getWindowEnd().isAfter(from)) {
                    break;
                }
                if (!w.getWindowEnd().isAfter(to)) {
                    n += w.getCount();
                }
            }
        }
        return n;
    }

    /** Number of stored results, across all series. */
    public synchronized int size() {
        int n = 0;
        for (Map<String, NavigableMap<Long, WindowStats>> byWindow : series.values()) {
            for (NavigableMap<Long, WindowStats> points : byWindow.values()) {
                n += points.size();
            }
        }
        return n;
    }

    private NavigableMap<Long, WindowStats> points(String service, String window) {
        Map<String, NavigableMap<Long, WindowStats>> byWindow = series.get(service);
        return byWindow == null ? null : byWindow.get(window);
    }

    private long typicalSize(String window) {
        for (Map<String, NavigableMap<Long, WindowStats>> byWindow : series.values()) {
            NavigableMap<Long, WindowStats> points = byWindow.get(window);
            if (points != null && !points.isEmpty()) {
                WindowStats w = points.firstEntry().getValue();
                return w.getWindowEnd().toEpochMilli() - w.getWindowStart().toEpochMilli();
            }
        }
        return Long.MAX_VALUE;
    }
}
