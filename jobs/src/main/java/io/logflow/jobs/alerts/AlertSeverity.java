package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Stamps each alert with its rule's severity ({@code evidence.severity}, which the notifier's
 * per-kind default yields to); alerts no rule with a severity covers pass unchanged.
 */
final class AlertSeverity implements MapFunction<Alert, Alert> {

    private static final long serialVersionUID = 1L;

    private final AlertRules rules;

    AlertSeverity(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public Alert map(Alert alert) {
        if (rules.rules().isEmpty()) {
            return alert;
        }
        String route = alert.getEvidence().get("route");
        AlertRule rule =
                route != null
                        ? rules.routesOf(alert.getService()).get(route)
                        : rules.ruleFor(alert.getService(), alert.getKind());
        if (rule != null && rule.severity() != null) {
            alert.getEvidence().put("severity", rule.severity());
        }
        return alert;
    }
}
