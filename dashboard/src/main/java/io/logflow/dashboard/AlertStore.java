package io.logflow.dashboard;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts the dashboard shows, upserted on {@code alertId}: a RESOLVED transition replaces its
 * FIRING one but keeps the time it started firing. Bounded by a count (resolved alerts go first)
 * and by the retention span for resolved alerts. Thread-safe.
 */
public final class AlertStore {

    /** Firing first, then the most recent transition first; the id breaks ties. */
    static final Comparator<Entry> ORDER =
            Comparator.comparing((Entry e) -> !e.firing())
                    .thenComparing(e -> e.latest().getEventTime(), Comparator.reverseOrder())
                    .thenComparing(e -> e.latest().getAlertId());

    /**
     * One alert's state: its latest transition and, when it was read, the time it started firing
     * (null when the FIRING record lies before the look-back).
     */
    public record Entry(Alert latest, Instant since) {
        public boolean firing() {
            return latest.getState() == AlertState.FIRING;
        }

        /** Event time of the RESOLVED transition, or null while firing. */
        public Instant resolvedAt() {
            return firing() ? null : latest.getEventTime();
        }
    }

    private final Duration retention;
    private final int maxAlerts;
    private final Map<String, Entry> byId = new HashMap<>();
    private Instant latestEventTime;

    public AlertStore(Duration retention, int maxAlerts) {
        if (maxAlerts < 1) {
            throw new IllegalArgumentException("maxAlerts must be at least 1, got " + maxAlerts);
        }
        this.retention = retention;
        this.maxAlerts = maxAlerts;
    }

    /** Applies one transition; returns whether anything changed. */
    public synchronized boolean upsert(Alert alert) {
        Entry existing = byId.get(alert.getAlertId());
        boolean firing = alert.getState() == AlertState.FIRING;
        if (existing != null && !existing.firing() && firing) {
            // A resolved alert stays resolved: a later episode gets a new id.
            return false;
        }
        if (existing != null && existing.latest().equals(alert)) {
            return false;
        }
        Instant since = existing != null ? existing.since() : firing ? alert.getEventTime() : null;
        byId.put(alert.getAlertId(), new Entry(alert, since));
        if (latestEventTime == null || alert.getEventTime().isAfter(latestEventTime)) {
            latestEventTime = alert.getEventTime();
        }
        evict();
        return true;
    }

    private void evict() {
        Instant oldest = latestEventTime.minus(retention);
        byId.values().removeIf(e -> !e.firing() && e.latest().getEventTime().isBefore(oldest));
        if (byId.size() > maxAlerts) {
            List<Entry> ordered = new ArrayList<>(byId.values());
            ordered.sort(ORDER);
            ordered.subList(maxAlerts, ordered.size())
                    .forEach(e -> byId.remove(e.latest().getAlertId()));
        }
    }

    /** Alerts of {@code service} (all when null): firing first, then most recent first. */
    public synchronized List<Entry> alerts(String service) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (service == null || service.equals(e.latest().getService())) {
                out.add(e);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The latest transition's event time seen, or null. */
    public synchronized Instant latestEventTime() {
        return latestEventTime;
    }

    public synchronized int size() {
        return byId.size();
    }
}
