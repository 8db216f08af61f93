package io.logflow.jobs.alerts;

import io.logflow.schema.AlertKind;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One entry of the rules file: the services (and optionally the kind, or the route for latency) it
 * applies to, its detector settings (the {@code alerts.*} options with its overrides) and its
 * severity (null: the notifier's per-kind default).
 */
public record AlertRule(
        Pattern service, AlertKind kind, String route, String severity, AlertSettings settings)
        implements Serializable {

    /** Whether this rule speaks for {@code service}'s {@code kind} alerts (route rules never). */
    boolean covers(String service, AlertKind kind) {
        return route == null
                && (this.kind == null || this.kind == kind)
                && this.service.matcher(service).matches();
    }
}
