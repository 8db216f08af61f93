package io.logflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodiesTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T10:05:00Z");
    private static final String PAGE = "http://127.0.0.1:8088/#/service/payments";

    private static Notice notice(AlertState state, Instant end) {
        Alert a = TestAlerts.spike("payments", state, FIRST, end);
        return new Notice(a, "critical", FIRST.plusSeconds(10), PAGE);
    }

    @Test
    void theWebhookBodyHasEveryDocumentedField() {
        String body = Bodies.webhook(notice(AlertState.RESOLVED, FIRST.plusSeconds(60)));
        assertThat(body)
                .isEqualTo(
                        "{\"version\":\"1\",\"id\":\"payments|ERROR_RATE_SPIKE|2026-12-01T10:00:00Z\","
                            + "\"state\":\"RESOLVED\",\"kind\":\"ERROR_RATE_SPIKE\","
                            + "\"service\":\"payments\",\"severity\":\"critical\",\"summary\":\"Error"
                            + " rate of payments back to 1.0 %\","
                            + "\"value\":0.01,\"threshold\":0.05,\"baseline\":0.01,"
                            + "\"window\":\"tumbling-10s\","
                            + "\"windowStart\":\"2026-12-01T10:00:50Z\","
                            + "\"windowEnd\":\"2026-12-01T10:01:00Z\","
                            + "\"eventTime\":\"2026-12-01T10:01:00Z\","
                            + "\"startsAt\":\"2026-12-01T10:00:10Z\","
                            + "\"endsAt\":\"2026-12-01T10:01:00Z\",\"dashboardUrl\":\""
                                + PAGE
                                + "\",\"evidence\":{\"errors\":\"120\",\"events\":\"1000\"}}");
    }

    @Test
    void alertmanagerGetsAFiringAlertFourResendsAheadAndAResolvedOneAtItsEnd() {
        String body =
                Bodies.alertmanager(
                        List.of(
                                notice(AlertState.FIRING, FIRST.plusSeconds(10)),
                                // Event time ahead of this clock: capped, so it does resolve.
                                notice(AlertState.RESOLVED, NOW.plusSeconds(600))),
                        NOW,
                        Duration.ofMinutes(4));
        String labels =
                "{\"alertname\":\"ERROR_RATE_SPIKE\",\"service\":\"payments\","
                    + "\"severity\":\"critical\","
                    + "\"logflow_alert_id\":\"payments|ERROR_RATE_SPIKE|2026-12-01T10:00:00Z\"}";
        assertThat(body)
                .isEqualTo(
                        "[{\"labels\":"
                                + labels
                                + ",\"annotations\":{\"summary\":\"Error rate of payments 12.0 %"
                                + " (baseline 1.0 %)\",\"value\":\"0.12\",\"threshold\":\"0.05\","
                                + "\"baseline\":\"0.01\"},"
                                + "\"startsAt\":\"2026-12-01T10:00:10Z\","
                                + "\"endsAt\":\"2026-12-01T10:09:00Z\",\"generatorURL\":\""
                                + PAGE
                                + "\"},{\"labels\":"
                                + labels
                                + ",\"annotations\":{\"summary\":\"Error rate of payments back to"
                                + " 1.0 %\",\"value\":\"0.01\",\"threshold\":\"0.05\","
                                + "\"baseline\":\"0.01\"},"
                                + "\"startsAt\":\"2026-12-01T10:00:10Z\","
                                + "\"endsAt\":\"2026-12-01T10:05:00Z\",\"generatorURL\":\""
                                + PAGE
                                + "\"}]");
    }

    @Test
    void aRouteAlertCarriesItsRouteAsALabelAndTheRulesSeverityWins() {
        Alert a = TestAlerts.spike("gateway", AlertState.FIRING, FIRST, FIRST.plusSeconds(10));
        a.setEvidence(java.util.Map.of("route", "/api/v1/home", "severity", "page"));
        var tree = NotifierConfigReader.empty();
        NotifierConfigReader.addReceiver(
                tree, "am", ReceiverType.ALERTMANAGER, "http://127.0.0.1:1");
        NotifierConfig config = NotifierConfigReader.read(tree);
        Notice n = new Notice(a, config.severityOf(a), FIRST, null);

        String body = Bodies.alertmanager(List.of(n), NOW, Duration.ofMinutes(4));

        assertThat(body)
                .contains(
                        "\"severity\":\"page\",\"logflow_alert_id\":\""
                                + a.getAlertId()
                                + "\",\"route\":\"/api/v1/home\"}");
    }

    @Test
    void slackGetsATextFallbackAndAnEscapedSection() {
        Alert a = TestAlerts.spike("payments", AlertState.FIRING, FIRST, FIRST);
        a.setSummary("p99 <1 s> & rising");
        String body = Bodies.slack(new Notice(a, "warning", FIRST, PAGE));
        assertThat(body)
                .isEqualTo(
                        "{\"text\":\":red_circle: FIRING [WARNING] ERROR_RATE_SPIKE on payments:"
                            + " p99 <1 s> &"
                            + " rising\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*:red_circle:"
                            + " FIRING [WARNING] ERROR_RATE_SPIKE on payments*\\n"
                            + "p99 &lt;1 s&gt; &amp; rising\\n"
                            + "value 0.12 · threshold 0.05 · baseline 0.01\\n"
                            + "<"
                                + PAGE
                                + "|Open on the dashboard>\"}}]}");
    }

    @Test
    void numbersKeepSixSignificantDigits() {
        assertThat(Bodies.number(0.0734)).isEqualTo("0.0734");
        assertThat(Bodies.number(650.0)).isEqualTo("650");
        assertThat(Bodies.number(1.0 / 3)).isEqualTo("0.333333");
    }
}
