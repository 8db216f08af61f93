package io.logflow.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.RouteSelector;
import io.logflow.schema.AlertKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesFileTest {

    @TempDir Path dir;

    private AlertRules read(String yaml) throws IOException {
        return read(yaml, new Configuration());
    }

    private AlertRules read(String yaml, Configuration config) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, yaml);
        return AlertRulesFile.read(file, config, "tumbling-1m", Duration.ofMinutes(1));
    }

    private void rejects(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("alerts.rules-file " + dir.resolve("rules.yaml") + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void theFirstRuleCoveringAServiceAndKindGivesItsSettingsOverTheOptions() throws IOException {
        Configuration options = new Configuration();
        options.setString("alerts.min-volume", "50");
        AlertRules rules =
                read(
                        """
                        rules:
                          - service: payments
                            kind: error-rate-spike
                            severity: page
                            error-rate:
                              sensitivity: 3
                          - service: 'pay*'
                            severity: critical
                            latency.slo-ms: 250
                            silence:
                              windows: 5
                          - service: 're:check(out|er)'
                            min-volume: 10
                        """,
                        options);

        AlertSettings spike = rules.settingsFor("payments", AlertKind.ERROR_RATE_SPIKE);
        assertThat(spike.errorSensitivity).isEqualTo(3.0);
        assertThat(spike.minVolume).as("from the options, under the rule").isEqualTo(50);
        assertThat(rules.ruleFor("payments", AlertKind.ERROR_RATE_SPIKE).severity())
                .isEqualTo("page");

        AlertSettings latency = rules.settingsFor("payments", AlertKind.LATENCY_REGRESSION);
        assertThat(latency.latencySloMs).isEqualTo(250.0);
        assertThat(latency.errorSensitivity).as("the option's default").isEqualTo(6.0);
        assertThat(rules.settingsFor("payouts", AlertKind.SILENCE).silenceWindows).isEqualTo(5);
        assertThat(rules.ruleFor("payouts", AlertKind.SILENCE).severity()).isEqualTo("critical");

        assertThat(rules.settingsFor("checker", AlertKind.SILENCE).minVolume).isEqualTo(10);
        assertThat(rules.ruleFor("checkouts", AlertKind.SILENCE)).as("whole-value match").isNull();
        assertThat(rules.settingsFor("search", AlertKind.SILENCE)).isSameAs(rules.defaults());
        assertThat(rules.defaults().minVolume).isEqualTo(50);
        assertThat(rules.hasRoutes()).isFalse();
        assertThat(rules.routeSelector()).isSameAs(RouteSelector.NONE);
    }

    @Test
    void routeRulesAreLatencyRulesOfTheirOwnFirstPerRoute() throws IOException {
        AlertRules rules =
                read(
                        """
                        rules:
                          - service: gateway
                            route: /api/v1/home
                            severity: critical
                            latency:
                              slo-ms: 150
                              windows: 1
                          - service: 'gate*'
                            route: /api/v1/home
                            latency.slo-ms: 999
                          - service: '*'
                            route: /api/orders/*
                            min-volume: 20
                        """);

        var gateway = rules.routesOf("gateway");
        assertThat(gateway).containsOnlyKeys("/api/v1/home", "/api/orders/*");
        assertThat(gateway.get("/api/v1/home").settings().latencySloMs).isEqualTo(150.0);
        assertThat(gateway.get("/api/v1/home").settings().latencyWindows).isEqualTo(1);
        assertThat(gateway.get("/api/v1/home").kind()).isEqualTo(AlertKind.LATENCY_REGRESSION);
        assertThat(gateway.get("/api/orders/*").settings().minVolume).isEqualTo(20);
        assertThat(rules.routesOf("search")).containsOnlyKeys("/api/orders/*");
        assertThat(rules.ruleFor("gateway", AlertKind.LATENCY_REGRESSION))
                .as("a route rule does not speak for the service's own p99")
                .isNull();
        assertThat(rules.routeSelector().routesOf("gateway"))
                .extracting(RouteSelector.Route::name)
                .containsExactly("/api/v1/home", "/api/orders/*");
    }

    @Test
    void anEmptyFileIsTheOptionsForEveryService() throws IOException {
        assertThat(read("").rules()).isEmpty();
        assertThat(read("rules: []\n").rules()).isEmpty();
    }

    @Test
    void everyMistakeNamesItsKey() {
        rejects("ruless: []\n", "ruless: unknown key; known here: rules");
        rejects("rules: {service: x}\n", "rules: must be a list of rules");
        rejects("rules:\n  - severity: page\n", "rules[0].service: required");
        rejects(
                "rules:\n  - service: a\n  - service: b\n    colour: red\n",
                "rules[1].colour: unknown key; known here: service, kind, route, severity,");
        rejects(
                "rules:\n  - service: a\n    latency:\n      slo: 5\n",
                "rules[0].latency.slo: unknown key");
        rejects(
                "rules:\n  - service: a\n    min-volume: lots\n",
                "rules[0]: Could not parse value 'lots' for key 'alerts.min-volume'");
        rejects(
                "rules:\n  - service: a\n    min-volume: 0\n",
                "rules[0]: Invalid alert settings: alerts.min-volume must be >= 1");
        rejects("rules:\n  - service: a\n    state-ttl: 1h\n", "rules[0].state-ttl: unknown key");
        rejects("rules:\n  - service: a\n    kind: slow\n", "rules[0].kind: unknown kind 'slow'");
        rejects(
                "rules:\n  - service: a\n    route: /x\n    error-rate.sensitivity: 2\n",
                "rules[0].error-rate.sensitivity: not a setting of a route rule");
        rejects(
                "rules:\n  - service: a\n    route: /x\n    kind: silence\n",
                "rules[0].kind: a rule with a route is a LATENCY_REGRESSION rule");
        rejects(
                "rules:\n  - service: a\n    route: api\n",
                "rules[0].route: 'api' must start with /");
        rejects("rules:\n  - service: 're:(a'\n", "rules[0].service: invalid regular expression");
        rejects(
                "rules:\n  - service: a\n    severity: 'very bad'\n",
                "rules[0].severity: 'very bad' is not a label value");
        rejects("rules:\n  - service: [a, b]\n", "rules[0].service: must be a single value");
        rejects("rules: [\n", "not valid YAML");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(
                        () ->
                                AlertRulesFile.read(
                                        missing,
                                        new Configuration(),
                                        "tumbling-1m",
                                        Duration.ofMinutes(1)))
                .hasMessage("alerts.rules-file " + missing + ": no such file");
    }
}
