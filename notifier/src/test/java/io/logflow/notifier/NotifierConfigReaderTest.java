package io.logflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierConfigReaderTest {

    @TempDir Path tmp;

    private NotifierConfig read(String yaml) throws Exception {
        Path file = tmp.resolve("notifier.yaml");
        Files.writeString(file, yaml);
        return NotifierConfigReader.read(NotifierConfigReader.load(file));
    }

    private static final String HOOK =
            "receivers:\n  - name: hook\n    type: webhook\n    url: https://hooks.example.com/x\n";

    @Test
    void defaultsAreWrittenOnce() throws Exception {
        NotifierConfig c = read(HOOK);
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(c.topic()).isEqualTo("log-alerts");
        assertThat(c.groupId()).isEqualTo("logflow-notifier");
        assertThat(c.startFromEarliest()).isFalse();
        assertThat(c.registry().urls()).containsExactly("http://127.0.0.1:8085");
        assertThat(c.resendInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.retry())
                .isEqualTo(
                        new NotifierConfig.Retry(
                                Duration.ofMillis(500),
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(10),
                                Duration.ofSeconds(10)));
        assertThat(c.severities())
                .containsExactlyInAnyOrderEntriesOf(NotifierConfigReader.DEFAULT_SEVERITIES);
        assertThat(c.dataDir()).isEqualTo(Path.of(".logflow/notifier").toAbsolutePath());
        assertThat(c.dashboardPage("x")).isNull();
        assertThat(c.receivers()).hasSize(1);
        assertThat(c.receivers().get(0).route()).isEqualTo(Route.ALL);
    }

    @Test
    void aFullFileReadsIntoTypedSettings() throws Exception {
        NotifierConfig c =
                read(
                        "kafka:\n"
                                + "  bootstrap-servers: broker:29092\n"
                                + "  group-id: pager\n"
                                + "  start-from: earliest\n"
                                + "dashboard-url: http://dash:8088/\n"
                                + "resend-interval: 30s\n"
                                + "severities:\n"
                                + "  SILENCE: warning\n"
                                + "receivers:\n"
                                + "  - name: am\n"
                                + "    type: alertmanager\n"
                                + "    url: http://am:9093\n"
                                + "    match:\n"
                                + "      severity: critical\n"
                                + "  - type: slack\n"
                                + "    url: https://hooks.slack.com/services/T/B/C\n"
                                + "    match:\n"
                                + "      service: [pay*, 're:check(out)?']\n"
                                + "      kind: ERROR_RATE_SPIKE\n"
                                + "    headers:\n"
                                + "      X-Team: sre\n"
                                + "    bearer-token: t0k\n");
        assertThat(c.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(c.groupId()).isEqualTo("pager");
        assertThat(c.startFromEarliest()).isTrue();
        assertThat(c.resendInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.severities()).containsEntry("SILENCE", "warning");
        assertThat(c.dashboardPage("my svc")).isEqualTo("http://dash:8088/#/service/my%20svc");
        ReceiverConfig slack = c.receivers().get(1);
        assertThat(slack.name()).isEqualTo("slack-1");
        assertThat(slack.type()).isEqualTo(ReceiverType.SLACK);
        assertThat(slack.headers()).containsExactlyEntriesOf(java.util.Map.of("X-Team", "sre"));
        assertThat(slack.bearerToken()).isEqualTo("t0k");
        assertThat(slack.toString())
                .isEqualTo("slack-1 (slack, https://hooks.slack.com)")
                .doesNotContain("services");
        assertThat(slack.route().matches("payments", "ERROR_RATE_SPIKE", "info")).isTrue();
        assertThat(slack.route().matches("checkout", "ERROR_RATE_SPIKE", "info")).isTrue();
        assertThat(slack.route().matches("check", "ERROR_RATE_SPIKE", "info")).isTrue();
        assertThat(slack.route().matches("checkouts", "ERROR_RATE_SPIKE", "info")).isFalse();
        assertThat(slack.route().matches("payments", "SILENCE", "info")).isFalse();
        assertThat(slack.route().matches("auth", "ERROR_RATE_SPIKE", "info")).isFalse();
        ReceiverConfig am = c.receivers().get(0);
        assertThat(am.route().matches("any", "SILENCE", "critical")).isTrue();
        assertThat(am.route().matches("any", "SILENCE", "warning")).isFalse();
        assertThat(Resender.target(am).toString()).isEqualTo("http://am:9093/api/v2/alerts");
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() {
        assertThatThrownBy(() -> read(HOOK + "resend-intervall: 1m\n"))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessageStartingWith(
                        "resend-intervall: unknown key; known here: dashboard-url,");
        assertThatThrownBy(() -> read(HOOK + "    mach:\n      service: x\n"))
                .hasMessageStartingWith("receivers[0].mach: unknown key");
        assertThatThrownBy(() -> read(HOOK + "    match:\n      team: x\n"))
                .hasMessage(
                        "receivers[0].match.team: unknown key; known here: kind, service,"
                                + " severity");
        assertThatThrownBy(() -> read(HOOK + "kafka:\n  bootstrap: x\n"))
                .hasMessageStartingWith("kafka.bootstrap: unknown key");
        assertThatThrownBy(() -> read(HOOK + "severities:\n  SPIKE: critical\n"))
                .hasMessageStartingWith("severities.SPIKE: unknown alert kind");
    }

    @Test
    void aBadUrlIsNamedAndItsPasswordMasked() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "receivers:\n"
                                            + "  - type: webhook\n"
                                            + "    url: ftp://bob:hunter2@files.example.com/\n"))
                .isInstanceOf(NotifierConfigException.class)
                .hasMessage(
                        "receivers[0].url: needs an http:// or https:// URL with a host, got"
                                + " 'ftp://bob:******@files.example.com/'");
        assertThatThrownBy(() -> read("receivers:\n  - type: webhook\n    url: 'http://a b'\n"))
                .hasMessageStartingWith("receivers[0].url: not a URL: 'http://a b'");
        assertThatThrownBy(() -> read(HOOK + "dashboard-url: localhost:8088\n"))
                .hasMessageStartingWith("dashboard-url: needs an http:// or https:// URL");
        assertThatThrownBy(() -> read("receivers:\n  - type: webhook\n"))
                .hasMessage("receivers[0].url: required");
    }

    @Test
    void otherBadValuesAreNamed() {
        assertThatThrownBy(() -> read("receivers:\n  - type: pager\n    url: http://x\n"))
                .hasMessage(
                        "receivers[0].type: must be alertmanager, webhook or slack, got 'pager'");
        assertThatThrownBy(() -> read(HOOK + "resend-interval: soon\n"))
                .hasMessage("resend-interval: needs a duration like 500ms, 30s or 1m, got 'soon'");
        assertThatThrownBy(() -> read(HOOK + "retry:\n  max-backoff: 0s\n"))
                .hasMessage("retry.max-backoff: must be positive, got '0s'");
        assertThatThrownBy(() -> read(HOOK + "    match:\n      service: 're:(['\n"))
                .hasMessageStartingWith(
                        "receivers[0].match.service: invalid regular expression '(['");
        assertThatThrownBy(() -> read(HOOK + HOOK.substring("receivers:\n".length())))
                .hasMessage("receivers[1].name: 'hook' is used twice");
        assertThatThrownBy(() -> read("kafka:\n  start-from: middle\n" + HOOK))
                .hasMessage("kafka.start-from: must be latest or earliest, got 'middle'");
        assertThatThrownBy(() -> read(HOOK + "    headers:\n      Host: s3cret\n"))
                .hasMessageStartingWith("receivers[0].headers.Host: not a header LogFlow can send")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> read("dashboard-url: http://d\n"))
                .hasMessageStartingWith("receivers: none configured");
        assertThatThrownBy(() -> read("receivers: [\n"))
                .hasMessageStartingWith(tmp.resolve("notifier.yaml") + ": not valid YAML");
        assertThatThrownBy(() -> NotifierConfigReader.load(tmp.resolve("missing.yaml")))
                .hasMessage(tmp.resolve("missing.yaml") + ": no such file");
    }

    @Test
    void theReadmesExampleIsValidAndRoutesAsItsCommentsSay() {
        NotifierConfig c =
                NotifierConfigReader.read(
                        NotifierConfigReader.load(Path.of("notifier.example.yaml")));
        NotifierConfig defaults =
                NotifierConfigReader.read(
                        (com.fasterxml.jackson.databind.node.ObjectNode)
                                NotifierConfigReader.empty()
                                        .set(
                                                "receivers",
                                                NotifierConfigReader.load(
                                                                Path.of("notifier.example.yaml"))
                                                        .get("receivers")));
        assertThat(c.retry()).isEqualTo(defaults.retry());
        assertThat(c.resendInterval()).isEqualTo(defaults.resendInterval());
        assertThat(c.severities()).isEqualTo(defaults.severities());
        assertThat(c.bootstrapServers()).isEqualTo(defaults.bootstrapServers());
        assertThat(c.dataDir()).isEqualTo(defaults.dataDir());
        assertThat(c.receivers())
                .extracting(ReceiverConfig::name)
                .containsExactly("alertmanager", "payments-oncall", "slack-errors");
        Route oncall = c.receivers().get(1).route();
        assertThat(oncall.matches("checkout-v2", "SILENCE", "critical")).isTrue();
        assertThat(oncall.matches("payments", "LATENCY_REGRESSION", "warning")).isFalse();
        Route slack = c.receivers().get(2).route();
        assertThat(slack.matches("x", "NEW_ERROR_TEMPLATE", "info")).isTrue();
        assertThat(slack.matches("x", "SILENCE", "critical")).isFalse();
    }
}
