package io.logflow.jobs.alerts;

import io.logflow.jobs.analytics.functions.RouteSelector;
import io.logflow.schema.AlertKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detectors' settings per service: the {@code alerts.*} options, overridden for the services
 * (and routes) the rules of {@code alerts.rules-file} name. For a service's alerts of one kind the
 * first rule that covers them applies; every route a rule names gets its own latency series.
 *
 * <pre>{@code
 * AlertRules rules = AlertRulesFile.read(path, config, "tumbling-1m", Duration.ofMinutes(1));
 * AlertRule applied = rules.ruleFor("payments", AlertKind.ERROR_RATE_SPIKE);
 * }</pre>
 */
public final class AlertRules implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AlertSettings defaults;
    private final List<AlertRule> rules;

    AlertRules(AlertSettings defaults, List<AlertRule> rules) {
        this.defaults = defaults;
        this.rules = List.copyOf(rules);
    }

    /** The same settings for every service, no severities, no routes. */
    public static AlertRules of(AlertSettings settings) {
        return new AlertRules(settings, List.of());
    }

    /** The settings of the {@code alerts.*} options, what a service no rule covers gets. */
    public AlertSettings defaults() {
        return defaults;
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * The rule for {@code service}'s alerts of {@code kind}: the first that covers them; null when
     * none does (the defaults apply, without a severity).
     */
    public AlertRule ruleFor(String service, AlertKind kind) {
        for (AlertRule r : rules) {
            if (r.covers(service, kind)) {
                return r;
            }
        }
        return null;
    }

    /** The settings for {@code service}'s alerts of {@code kind}. */
    public AlertSettings settingsFor(String service, AlertKind kind) {
        AlertRule r = ruleFor(service, kind);
        return r == null ? defaults : r.settings();
    }

    /** The route rules of {@code service} by route, the first rule per route, in file order. */
    public Map<String, AlertRule> routesOf(String service) {
        Map<String, AlertRule> routes = new LinkedHashMap<>();
        for (AlertRule r : rules) {
            if (r.route() != null && r.service().matcher(service).matches()) {
                routes.putIfAbsent(r.route(), r);
            }
        }
        return routes;
    }

    /** Whether any rule names a route, so the latency-per-route detector has work. */
    public boolean hasRoutes() {
        return rules.stream().anyMatch(r -> r.route() != null);
    }

    /** What the window aggregate must summarise per route for these rules. */
    public RouteSelector routeSelector() {
        List<RouteSelector.Entry> entries = new ArrayList<>();
        for (AlertRule r : rules) {
            if (r.route() != null) {
                entries.add(new RouteSelector.Entry(r.service(), r.route()));
            }
        }
        return entries.isEmpty() ? RouteSelector.NONE : new RouteSelector(entries);
    }
}
