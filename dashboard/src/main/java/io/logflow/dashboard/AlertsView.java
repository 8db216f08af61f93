package io.logflow.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The JSON of {@code GET /api/alerts}: every firing alert, then the most recent resolved ones, each
 * with its numbers, evidence and times. Durations are in event time, like the rest of the page.
 */
final class AlertsView {

    /** How many resolved alerts the page lists below the firing ones. */
    static final int RECENT_RESOLVED = 20;

    private final AlertStore alerts;
    private final MetricsStore metrics;
    private final ObjectMapper json;

    AlertsView(AlertStore alerts, MetricsStore metrics, ObjectMapper json) {
        this.alerts = alerts;
        this.metrics = metrics;
        this.json = json;
    }

    /** Alerts of {@code service}, or of every service when it is null or blank. */
    ArrayNode alerts(String service) {
        ArrayNode out = json.createArrayNode();
        Instant now = eventTimeNow();
        int resolved = 0;
        List<AlertStore.Entry> entries =
                alerts.alerts(service == null || service.isBlank() ? null : service);
        for (AlertStore.Entry e : entries) {
            if (!e.firing() && resolved++ >= RECENT_RESOLVED) {
                break; // firing ones come first, so only resolved ones are cut
            }
            out.add(alert(e, now));
        }
        return out;
    }

    private ObjectNode alert(AlertStore.Entry e, Instant now) {
        Alert a = e.latest();
        ObjectNode o = json.createObjectNode();
        o.put("alertId", a.getAlertId());
        o.put("kind", a.getKind().name());
        o.put("state", a.getState().name());
        o.put("service", a.getService());
        o.put("window", a.getWindow());
        o.put("windowStart", a.getWindowStart().toString());
        o.put("windowEnd", a.getWindowEnd().toString());
        number(o, "value", a.getValue());
        number(o, "baseline", a.getBaseline());
        number(o, "threshold", a.getThreshold());
        o.put("summary", a.getSummary());
        ObjectNode evidence = o.putObject("evidence");
        new TreeMap<>(a.getEvidence()).forEach(evidence::put);
        items(o.putArray("topPaths"), a.getTopPaths());
        items(o.putArray("topErrors"), a.getTopErrors());
        o.put("since", e.since() == null ? null : e.since().toString());
        o.put("resolvedAt", e.resolvedAt() == null ? null : e.resolvedAt().toString());
        Instant until = e.firing() ? now : e.resolvedAt();
        if (e.since() == null || until == null) {
            o.putNull("durationSeconds");
        } else {
            o.put("durationSeconds", Math.max(0, Duration.between(e.since(), until).toSeconds()));
        }
        return o;
    }

    /** How far event time has got: the newest window end or alert transition seen. */
    private Instant eventTimeNow() {
        Instant a = alerts.latestEventTime();
        Instant m = metrics.latestWindowEnd();
        if (a == null) {
            return m;
        }
        return m == null || a.isAfter(m) ? a : m;
    }

    private static void number(ObjectNode o, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    private static void items(ArrayNode out, List<AlertItem> items) {
        for (AlertItem item : items) {
            out.addObject().put("item", item.getItem()).put("count", item.getCount());
        }
    }
}
