package io.logflow.jobs.alerts;

import io.logflow.schema.AlertKind;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One detector's settings per service: the rules' lookup done once per service, not per window
 * (first-match over patterns); without rules, the defaults and no lookup at all.
 */
final class KeySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Services remembered before the cache starts over: far above any fleet's count. */
    static final int CACHE_LIMIT = 200_000;

    private final AlertRules rules;
    private final AlertKind kind;

    private transient Map<String, AlertSettings> cache;

    KeySettings(AlertRules rules, AlertKind kind) {
        this.rules = rules;
        this.kind = kind;
    }

    /** What every service gets that no rule covers; also the state-wide TTL and step. */
    AlertSettings defaults() {
        return rules.defaults();
    }

    AlertSettings of(String service) {
        if (rules.rules().isEmpty()) {
            return rules.defaults();
        }
        if (cache == null) {
            cache = new HashMap<>();
        }
        AlertSettings s = cache.get(service);
        if (s == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            s = rules.settingsFor(service, kind);
            cache.put(service, s);
        }
        return s;
    }
}
