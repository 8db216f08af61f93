package io.logflow.notifier;

import static io.logflow.notifier.Probes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier on a real broker and registry, delivering to Debian's real Alertmanager and to
 * webhook receivers in the test: each transition once, across restarts and retries; refusals and
 * unreadable records dead-lettered without holding up the rest.
 */
class NotifierITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    @TempDir Path tmp;

    @Test
    void firingThenResolvedReachAlertmanagerAndAWebhookOnceEachAcrossRestarts() throws Exception {
        String topic = KAFKA.createTopic("log-alerts", 1);
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Alert firing =
                TestAlerts.spike("payments", AlertState.FIRING, first, first.plusSeconds(10));
        Alert resolved =
                TestAlerts.spike("payments", AlertState.RESOLVED, first, first.plusSeconds(60));
        String id = firing.getAlertId();
        try (AlertmanagerProcess am = AlertmanagerProcess.start(tmp.resolve("am"));
                RecordingReceiver hook = new RecordingReceiver()) {
            ObjectNode tree = config(topic);
            NotifierConfigReader.addReceiver(tree, "am", ReceiverType.ALERTMANAGER, am.url());
            ObjectNode webhook =
                    NotifierConfigReader.addReceiver(
                            tree, "hook", ReceiverType.WEBHOOK, hook.url());
            webhook.put("bearer-token", "s3cret-token");
            webhook.putObject("headers").put("X-Team", "sre");
            NotifierConfig config = NotifierConfigReader.read(tree);

            JsonNode active;
            try (Notifier notifier = started(config)) {
                TestAlerts.produce(KAFKA, REGISTRY.url(), topic, List.of(firing));
                active = await(() -> am.alert(id));
                await(() -> hook.accepted().size() == 1 ? true : null);
            }
            assertThat(JSON.convertValue(active.get("labels"), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "alertname", "ERROR_RATE_SPIKE",
                                    "service", "payments",
                                    "severity", "critical",
                                    "logflow_alert_id", id));
            assertThat(JSON.convertValue(active.get("annotations"), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "summary", "Error rate of payments 12.0 % (baseline 1.0 %)",
                                    "value", "0.12",
                                    "threshold", "0.05",
                                    "baseline", "0.01"));
            assertThat(active.path("status").path("state").asText()).isEqualTo("active");
            assertThat(Instant.parse(active.get("startsAt").asText()))
                    .isEqualTo(first.plusSeconds(10));
            assertThat(active.get("generatorURL").asText())
                    .isEqualTo("http://127.0.0.1:8088/#/service/payments");
            Instant endsBeforeRestart = Instant.parse(am.alert(id).get("endsAt").asText());
            assertThat(Files.readString(config.dataDir().resolve(FiringAlerts.FILE))).contains(id);

            // Restarted: the firing set is rebuilt from the data dir and re-sent at once.
            try (Notifier notifier = started(config)) {
                await(
                        () ->
                                Instant.parse(am.alert(id).get("endsAt").asText())
                                                .isAfter(endsBeforeRestart)
                                        ? true
                                        : null);
                TestAlerts.produce(KAFKA, REGISTRY.url(), topic, List.of(resolved));
                await(() -> hook.accepted().size() == 2 ? true : null);
                await(() -> am.alert(id) == null ? true : null);
                assertThat(notifier.deliveredCount("am")).isEqualTo(1);
                assertThat(notifier.deliveredCount("hook")).isEqualTo(1);
            }

            // Offsets reset as if never committed: the delivered log alone keeps both out.
            resetOffsets(config.groupId(), topic);
            try (Notifier notifier = started(config)) {
                // Offsets 0 and 2, each followed by its transaction's commit marker.
                await(() -> committed(config.groupId(), topic) == 3 ? true : null);
                assertThat(notifier.deliveredCount("am")).isZero();
                assertThat(notifier.deliveredCount("hook")).isZero();
            }
            assertThat(am.alert(id)).isNull();

            List<RecordingReceiver.Request> got = hook.accepted();
            assertThat(got).hasSize(2);
            assertThat(got)
                    .extracting(r -> json(r.body()).get("state").asText())
                    .containsExactly("FIRING", "RESOLVED");
            assertThat(got)
                    .extracting(RecordingReceiver.Request::authorization)
                    .containsOnly("Bearer s3cret-token");
            assertThat(got).extracting(RecordingReceiver.Request::team).containsOnly("sre");
            JsonNode end = json(got.get(1).body());
            assertThat(end.get("id").asText()).isEqualTo(id);
            assertThat(end.get("startsAt").asText()).isEqualTo(first.plusSeconds(10).toString());
            assertThat(end.get("endsAt").asText()).isEqualTo(first.plusSeconds(60).toString());
            assertThat(Files.exists(config.dataDir().resolve(DeadLetterLog.FILE))).isFalse();
        }
    }

    @Test
    void aReceiverFailingWith503ThreeTimesGetsTheAlertOnceAfterRetries() throws Exception {
        String topic = KAFKA.createTopic("log-alerts", 1);
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        try (RecordingReceiver hook =
                new RecordingReceiver(List.of(503, 503, 503), 200, "unavailable")) {
            ObjectNode tree = config(topic);
            NotifierConfigReader.addReceiver(tree, "hook", ReceiverType.WEBHOOK, hook.url());
            NotifierConfig config = NotifierConfigReader.read(tree);
            try (Notifier notifier = started(config)) {
                TestAlerts.produce(
                        KAFKA,
                        REGISTRY.url(),
                        topic,
                        List.of(TestAlerts.spike("search", AlertState.FIRING, first, first)));
                await(() -> committed(config.groupId(), topic) == 1 ? true : null);
                assertThat(hook.attempts()).isEqualTo(4);
                assertThat(hook.accepted()).hasSize(1);
                assertThat(notifier.deliveredCount("hook")).isEqualTo(1);
            }
            assertThat(Files.exists(config.dataDir().resolve(DeadLetterLog.FILE))).isFalse();
        }
    }

    @Test
    void refusalsAndUnreadableRecordsAreDeadLetteredAndTheRestDelivered() throws Exception {
        String topic = KAFKA.createTopic("log-alerts", 1);
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Alert a = TestAlerts.spike("auth", AlertState.FIRING, first, first);
        Alert b = TestAlerts.spike("checkout", AlertState.FIRING, first, first);
        try (RecordingReceiver refusing = new RecordingReceiver(List.of(), 400, "missing field");
                RecordingReceiver ok = new RecordingReceiver()) {
            ObjectNode tree = config(topic);
            NotifierConfigReader.addReceiver(tree, "refusing", ReceiverType.WEBHOOK, refusing.url())
                    .put("bearer-token", "s3cret-token");
            NotifierConfigReader.addReceiver(tree, "ok", ReceiverType.SLACK, ok.url());
            NotifierConfig config = NotifierConfigReader.read(tree);
            try (Notifier notifier = started(config)) {
                TestAlerts.produce(
                        KAFKA,
                        REGISTRY.url(),
                        topic,
                        List.of("not an alert".getBytes(StandardCharsets.UTF_8), a, b));
                await(() -> committed(config.groupId(), topic) == 3 ? true : null);
                assertThat(notifier.deliveredCount("ok")).isEqualTo(2);
                assertThat(notifier.deliveredCount("refusing")).isZero();
            }
            assertThat(refusing.attempts()).as("a 400 is not retried").isEqualTo(2);
            assertThat(ok.accepted())
                    .extracting(r -> json(r.body()).get("text").asText())
                    .containsExactly(
                            ":red_circle: FIRING [CRITICAL] ERROR_RATE_SPIKE on auth: Error rate"
                                    + " of auth 12.0 % (baseline 1.0 %)",
                            ":red_circle: FIRING [CRITICAL] ERROR_RATE_SPIKE on checkout: Error"
                                    + " rate of checkout 12.0 % (baseline 1.0 %)");

            String file = Files.readString(config.dataDir().resolve(DeadLetterLog.FILE));
            assertThat(file).doesNotContain("s3cret-token").doesNotContain("secret-path");
            List<JsonNode> lines = file.lines().map(Probes::json).toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).get("origin").asText()).isEqualTo(topic + "-0@0");
            assertThat(lines.get(0).get("reason").asText()).isNotBlank();
            for (int i = 1; i < 3; i++) {
                JsonNode l = lines.get(i);
                assertThat(l.get("receiver").asText()).isEqualTo("refusing");
                assertThat(l.get("state").asText()).isEqualTo("FIRING");
                assertThat(l.get("reason").asText()).isEqualTo("HTTP 400: missing field");
                assertThat(json(l.get("body").asText()).get("id").asText())
                        .isEqualTo((i == 1 ? a : b).getAlertId());
            }
        }
    }

    @Test
    void aSecondNotifierOnTheSameStateDirectoryIsRefused() throws Exception {
        ObjectNode tree = config(KAFKA.createTopic("log-alerts", 1));
        NotifierConfigReader.addReceiver(tree, "hook", ReceiverType.WEBHOOK, "http://127.0.0.1:9");
        NotifierConfig config = NotifierConfigReader.read(tree);
        try (Notifier first = started(config)) {
            assertThatThrownBy(() -> Notifier.start(config))
                    .isInstanceOf(java.nio.file.FileSystemException.class)
                    .hasMessage(
                            config.dataDir() + ": another notifier is using this state directory");
        }
        // Released on close.
        Notifier.start(config).close();
    }

    private ObjectNode config(String topic) {
        ObjectNode tree = NotifierConfigReader.empty();
        NotifierConfigReader.set(tree, "kafka.bootstrap-servers", KAFKA.bootstrapServers());
        NotifierConfigReader.set(tree, "kafka.topic", topic);
        NotifierConfigReader.set(tree, "kafka.group-id", "notifier-" + UUID.randomUUID());
        NotifierConfigReader.set(tree, "kafka.start-from", "earliest");
        NotifierConfigReader.set(tree, "registry.url", REGISTRY.url());
        NotifierConfigReader.set(tree, "data-dir", tmp.resolve("notifier").toString());
        NotifierConfigReader.set(tree, "dashboard-url", "http://127.0.0.1:8088");
        NotifierConfigReader.set(tree, "resend-interval", "1s");
        NotifierConfigReader.set(tree, "retry.initial-backoff", "50ms");
        NotifierConfigReader.set(tree, "retry.max-backoff", "200ms");
        return tree;
    }

    private static Notifier started(NotifierConfig config) throws Exception {
        Notifier n = Notifier.start(config);
        assertThat(n.awaitReady(WAIT)).as("notifier assigned its topic").isTrue();
        return n;
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(KAFKA.clientProperties())) {
            OffsetAndMetadata o =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get()
                            .get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        }
    }

    private static void resetOffsets(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(KAFKA.clientProperties())) {
            admin.alterConsumerGroupOffsets(
                            group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                    .all()
                    .get();
        }
    }
}
