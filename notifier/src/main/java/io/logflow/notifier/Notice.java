package io.logflow.notifier;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertState;
import java.time.Instant;

/**
 * One alert transition as the receivers render it: the record, its severity, when it started firing
 * and the dashboard's page for its service.
 */
public record Notice(Alert alert, String severity, Instant startsAt, String dashboardPage) {

    /** Identifies the transition for idempotency: the same id and state is delivered once. */
    public String key() {
        return alert.getAlertId() + "|" + alert.getState();
    }

    public boolean firing() {
        return alert.getState() == AlertState.FIRING;
    }

    /** When it resolved: the transition's event time; null while firing. */
    public Instant endsAt() {
        return firing() ? null : alert.getEventTime();
    }
}
