package io.logflow.jobs.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.logflow.connectors.Globs;
import io.logflow.jobs.analytics.functions.RouteSelector;
import io.logflow.schema.AlertKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Reads {@code alerts.rules-file} (YAML) into {@link AlertRules}, once, where the job is built: a
 * bad file stops the job before it starts, with the file and the key's path named ({@code
 * rules[2].latency.slo-ms}), never a failing task later.
 *
 * <pre>{@code
 * rules:
 *   - service: payments          # glob (* any run, ? one character) or re:<regex>
 *     severity: critical
 *     error-rate:
 *       sensitivity: 4           # any alerts.* option but state-ttl, nested or dotted
 *   - service: gateway
 *     route: /api/v1/home        # a latency series of its own; * one segment, ** any
 *     latency.slo-ms: 150
 * }</pre>
 */
public final class AlertRulesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PREFIX = "alerts.";
    private static final Set<String> RULE_KEYS = Set.of("service", "kind", "route", "severity");
    private static final Pattern SEVERITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private AlertRulesFile() {}

    /**
     * The rules of {@code file} over the {@code alerts.*} options of {@code config}, for detectors
     * reading windows named {@code window} that advance by {@code step}.
     */
    public static AlertRules read(Path file, ReadableConfig config, String window, Duration step) {
        AlertSettings defaults = AlertSettings.from(config, window, step);
        JsonNode tree = load(file);
        String where = AlertOptions.RULES_FILE.key() + " " + file + ": ";
        try {
            keys(tree, "", Set.of("rules"));
            JsonNode list = tree.get("rules");
            if (list == null || list.isNull()) {
                return AlertRules.of(defaults);
            }
            if (!list.isArray()) {
                throw new IllegalArgumentException("rules: must be a list of rules");
            }
            List<AlertRule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rules.add(rule(list.get(i), "rules[" + i + "]", config, window, step));
            }
            return new AlertRules(defaults, rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static JsonNode load(Path file) {
        String where = AlertOptions.RULES_FILE.key() + " " + file + ": ";
        try {
            JsonNode tree = YAML.readTree(Files.readString(file));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return YAML.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException(where + "the top level must be a mapping");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + "no such file");
        } catch (IOException e) {
            // Jackson's first line names the line and column; the rest is a source excerpt.
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IllegalArgumentException(where + "not valid YAML: " + first);
        }
    }

    private static AlertRule rule(
            JsonNode node, String at, ReadableConfig config, String window, Duration step) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + ": must be a mapping");
        }
        Pattern service = pattern(at + ".service", scalar(node, "service", at, true));
        String kindText = scalar(node, "kind", at, false);
        AlertKind kind = kindText == null ? null : kind(at + ".kind", kindText);
        String route = scalar(node, "route", at, false);
        String severity = scalar(node, "severity", at, false);
        if (severity != null && !SEVERITY.matcher(severity).matches()) {
            throw new IllegalArgumentException(
                    at
                            + ".severity: '"
                            + severity
                            + "' is not a label value like critical, warning or info"
                            + " (letters, digits, _ . -; up to 64)");
        }
        if (route != null) {
            if (kind != null && kind != AlertKind.LATENCY_REGRESSION) {
                throw new IllegalArgumentException(
                        at + ".kind: a rule with a route is a LATENCY_REGRESSION rule");
            }
            kind = AlertKind.LATENCY_REGRESSION;
            if (!route.startsWith("/") && !route.startsWith("re:")) {
                throw new IllegalArgumentException(
                        at + ".route: '" + route + "' must start with / (or re: for a regex)");
            }
            try {
                RouteSelector.glob(route);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        at + ".route: invalid regular expression: " + e.getDescription());
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!RULE_KEYS.contains(f.getKey())) {
                flatten(f.getKey(), f.getValue(), at, overrides);
            }
        }
        Set<String> allowed = settingKeys(route != null);
        Configuration layered = new Configuration();
        config.toMap().forEach(layered::setString);
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!allowed.contains(o.getKey())) {
                String known = String.join(", ", new TreeSet<>(allowed));
                throw new IllegalArgumentException(
                        at
                                + "."
                                + o.getKey()
                                + ": "
                                + (settingKeys(false).contains(o.getKey())
                                        ? "not a setting of a route rule"
                                        : "unknown key")
                                + "; known here: service, kind, route, severity, "
                                + known);
            }
            layered.setString(PREFIX + o.getKey(), o.getValue());
        }
        AlertSettings settings;
        try {
            settings = AlertSettings.from(layered, window, step);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        return new AlertRule(service, kind, route, severity, settings);
    }

    /** Nested mappings become dotted keys, so {@code latency: {slo-ms: 1}} is latency.slo-ms. */
    private static void flatten(String key, JsonNode value, String at, Map<String, String> out) {
        if (value.isObject()) {
            value.fields()
                    .forEachRemaining(f -> flatten(key + "." + f.getKey(), f.getValue(), at, out));
        } else if (value.isValueNode() && !value.isNull()) {
            out.put(key, value.asText());
        } else {
            throw new IllegalArgumentException(at + "." + key + ": must be a single value");
        }
    }

    /** The alerts.* options a rule may set, without their prefix. */
    private static Set<String> settingKeys(boolean route) {
        Set<String> keys = new TreeSet<>();
        for (ConfigOption<?> o : AlertOptions.all()) {
            String k = o.key().substring(PREFIX.length());
            boolean stateWide = o == AlertOptions.STATE_TTL || o == AlertOptions.RULES_FILE;
            if (!stateWide && (!route || k.startsWith("latency.") || k.equals("min-volume"))) {
                keys.add(k);
            }
        }
        if (route) {
            keys.add("baseline-windows");
            keys.add("min-baseline-windows");
            keys.add("resolve-windows");
        }
        return keys;
    }

    private static String scalar(JsonNode node, String key, String at, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || (v.isValueNode() && v.asText().isBlank())) {
            if (required) {
                throw new IllegalArgumentException(at + "." + key + ": required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(at + "." + key + ": must be a single value");
        }
        return v.asText();
    }

    private static AlertKind kind(String key, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AlertKind k : AlertKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        List<String> known = new ArrayList<>();
        for (AlertKind k : AlertKind.values()) {
            known.add(k.name());
        }
        throw new IllegalArgumentException(
                key + ": unknown kind '" + text + "'; known: " + String.join(", ", known));
    }

    /** A service pattern ({@link Globs}); an invalid regular expression names {@code key}. */
    private static Pattern pattern(String key, String text) {
        try {
            return Globs.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    key + ": invalid regular expression: " + e.getDescription());
        }
    }

    private static void keys(JsonNode node, String prefix, Set<String> known) {
        node.fieldNames()
                .forEachRemaining(
                        k -> {
                            if (!known.contains(k)) {
                                throw new IllegalArgumentException(
                                        prefix
                                                + k
                                                + ": unknown key; known here: "
                                                + String.join(", ", new TreeSet<>(known)));
                            }
                        });
    }
}
