package io.logflow.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.schema.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/** The request bodies of the three receiver types, rendered from {@link Notice}s. */
final class Bodies {

    /** Version of the webhook body; bumped only when a field changes meaning or goes away. */
    static final String WEBHOOK_VERSION = "1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {}

    static String render(ReceiverType type, Notice n, Instant now, Duration horizon) {
        return switch (type) {
            case ALERTMANAGER -> alertmanager(java.util.List.of(n), now, horizon);
            case WEBHOOK -> webhook(n);
            case SLACK -> slack(n);
        };
    }

    /**
     * Alertmanager's API v2 array. A firing alert carries {@code endsAt = now + horizon}
     * (Prometheus sends four resend intervals ahead), so Alertmanager resolves it by itself only if
     * the notifier stops re-sending; a resolved one carries its resolve time. Both times are capped
     * at {@code now}: an event time ahead of this clock would keep a resolved alert active, or make
     * Alertmanager refuse a start after the end.
     */
    static String alertmanager(Collection<Notice> notices, Instant now, Duration horizon) {
        ArrayNode out = JSON.createArrayNode();
        for (Notice n : notices) {
            Alert a = n.alert();
            ObjectNode alert = out.addObject();
            ObjectNode labels = alert.putObject("labels");
            labels.put("alertname", a.getKind().name());
            labels.put("service", a.getService());
            labels.put("severity", n.severity());
            labels.put("logflow_alert_id", a.getAlertId());
            String route = a.getEvidence().get("route");
            if (route != null) {
                // A route's latency alert is its own alert in Alertmanager's grouping too.
                labels.put("route", route);
            }
            ObjectNode ann = alert.putObject("annotations");
            ann.put("summary", a.getSummary());
            putNumber(ann, "value", a.getValue());
            putNumber(ann, "threshold", a.getThreshold());
            putNumber(ann, "baseline", a.getBaseline());
            alert.put("startsAt", earliest(n.startsAt(), now).toString());
            alert.put(
                    "endsAt",
                    (n.firing() ? now.plus(horizon) : earliest(n.endsAt(), now)).toString());
            if (n.dashboardPage() != null) {
                alert.put("generatorURL", n.dashboardPage());
            }
        }
        return out.toString();
    }

    /** LogFlow's webhook body, documented in the README ("Alert delivery"). */
    static String webhook(Notice n) {
        Alert a = n.alert();
        ObjectNode o = JSON.createObjectNode();
        o.put("version", WEBHOOK_VERSION);
        o.put("id", a.getAlertId());
        o.put("state", a.getState().name());
        o.put("kind", a.getKind().name());
        o.put("service", a.getService());
        o.put("severity", n.severity());
        o.put("summary", a.getSummary());
        o.put("value", a.getValue());
        o.put("threshold", a.getThreshold());
        o.put("baseline", a.getBaseline());
        o.put("window", a.getWindow());
        o.put("windowStart", a.getWindowStart().toString());
        o.put("windowEnd", a.getWindowEnd().toString());
        o.put("eventTime", a.getEventTime().toString());
        o.put("startsAt", n.startsAt().toString());
        o.put("endsAt", n.endsAt() == null ? null : n.endsAt().toString());
        o.put("dashboardUrl", n.dashboardPage());
        ObjectNode evidence = o.putObject("evidence");
        // Sorted: the same alert renders to the same bytes.
        new java.util.TreeMap<>(a.getEvidence()).forEach(evidence::put);
        return o.toString();
    }

    /** A Slack incoming-webhook message: a plain {@code text} fallback and one section block. */
    static String slack(Notice n) {
        Alert a = n.alert();
        String head =
                (n.firing() ? ":red_circle: FIRING" : ":white_check_mark: RESOLVED")
                        + " ["
                        + n.severity().toUpperCase(Locale.ROOT)
                        + "] "
                        + a.getKind()
                        + " on "
                        + a.getService();
        StringBuilder detail = new StringBuilder("*").append(escape(head)).append("*\n");
        detail.append(escape(a.getSummary()));
        StringBuilder figures = new StringBuilder();
        figure(figures, "value", a.getValue());
        figure(figures, "threshold", a.getThreshold());
        figure(figures, "baseline", a.getBaseline());
        if (figures.length() > 0) {
            detail.append('\n').append(figures);
        }
        if (n.dashboardPage() != null) {
            detail.append("\n<").append(n.dashboardPage()).append("|Open on the dashboard>");
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("text", head + ": " + a.getSummary());
        ObjectNode section = o.putArray("blocks").addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", detail.toString());
        return o.toString();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v != null) {
            o.put(key, number(v));
        }
    }

    private static void figure(StringBuilder out, String name, Double v) {
        if (v != null) {
            out.append(out.length() == 0 ? "" : " · ").append(name).append(' ').append(number(v));
        }
    }

    /** Six significant digits, no trailing zeros: {@code 0.0734}, {@code 650}. */
    static String number(double v) {
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Slack's three control characters in mrkdwn. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
