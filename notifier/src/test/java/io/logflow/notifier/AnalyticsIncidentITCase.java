package io.logflow.notifier;

import static io.logflow.notifier.Probes.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.analytics.TestAnalyticsJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted error spike through the real analytics job to the real Alertmanager: the spike's alert
 * shows there active with the right labels, and is resolved there when the job resolves it; the
 * notifier killed while the webhook still refuses the RESOLVED neither loses it nor sends the
 * FIRING twice.
 */
class AnalyticsIncidentITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final int EVENTS_PER_SECOND = 500;

    @TempDir Path tmp;

    @Test
    void aScriptedErrorSpikeFiresAndResolvesInAlertmanagerOnceAcrossANotifierRestart()
            throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        long started = System.nanoTime();
        String alerts = runJobOnASpike(t0);
        System.out.printf(
                "AnalyticsIncidentITCase: generator + bounded job %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        try (AlertmanagerProcess am = AlertmanagerProcess.start(tmp.resolve("am"));
                // Takes the FIRING, then refuses until the notifier has been restarted.
                RecordingReceiver hook = new RecordingReceiver(List.of(200), 503, "busy")) {
            ObjectNode tree = NotifierConfigReader.empty();
            NotifierConfigReader.set(tree, "kafka.bootstrap-servers", KAFKA.bootstrapServers());
            NotifierConfigReader.set(tree, "kafka.topic", alerts);
            NotifierConfigReader.set(tree, "kafka.start-from", "earliest");
            NotifierConfigReader.set(tree, "registry.url", REGISTRY.url());
            NotifierConfigReader.set(tree, "data-dir", tmp.resolve("notifier").toString());
            NotifierConfigReader.set(tree, "resend-interval", "1s");
            NotifierConfigReader.set(tree, "retry.initial-backoff", "50ms");
            NotifierConfigReader.set(tree, "retry.max-backoff", "100ms");
            // The webhook first: while it refuses the RESOLVED, Alertmanager has not had it.
            for (ObjectNode r :
                    List.of(
                            NotifierConfigReader.addReceiver(
                                    tree, "hook", ReceiverType.WEBHOOK, hook.url()),
                            NotifierConfigReader.addReceiver(
                                    tree, "am", ReceiverType.ALERTMANAGER, am.url()))) {
                r.putObject("match").put("service", "payments").put("kind", "ERROR_RATE_SPIKE");
            }
            NotifierConfig config = NotifierConfigReader.read(tree);

            JsonNode active;
            String id;
            try (Notifier notifier = Notifier.start(config)) {
                assertThat(notifier.awaitReady(WAIT)).isTrue();
                active = await(() -> payments(am));
                id = active.get("labels").get("logflow_alert_id").asText();
                await(() -> hook.attempts() >= 3 ? true : null);
                assertThat(notifier.deliveredCount("hook")).isEqualTo(1);
                assertThat(notifier.deliveredCount("am")).isEqualTo(1);
            }
            assertThat(JSON.convertValue(active.get("labels"), Map.class))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "alertname", "ERROR_RATE_SPIKE",
                                    "service", "payments",
                                    "severity", "critical",
                                    "logflow_alert_id", id));
            assertThat(id).startsWith("payments|ERROR_RATE_SPIKE|");
            assertThat(active.path("status").path("state").asText()).isEqualTo("active");
            assertThat(active.get("annotations").get("summary").asText()).isNotBlank();
            Instant startsAt = Instant.parse(active.get("startsAt").asText());
            // The spike starts 60 s in; the first window whose end shows it ends within 20 s.
            assertThat(startsAt).isBetween(t0.plusSeconds(60), t0.plusSeconds(80));
            assertThat(am.alert(id)).as("still active: the RESOLVED waits").isNotNull();

            hook.answerFromNowOn(200);
            try (Notifier notifier = Notifier.start(config)) {
                assertThat(notifier.awaitReady(WAIT)).isTrue();
                await(() -> am.alert(id) == null ? true : null);
                assertThat(notifier.deliveredCount("hook")).isEqualTo(1);
                assertThat(notifier.deliveredCount("am")).isEqualTo(1);
            }
            List<String> states =
                    hook.accepted().stream()
                            .map(r -> json(r.body()))
                            .map(b -> b.get("id").asText() + " " + b.get("state").asText())
                            .toList();
            assertThat(states).containsExactly(id + " FIRING", id + " RESOLVED");
            JsonNode resolved = json(hook.accepted().get(1).body());
            assertThat(Instant.parse(resolved.get("startsAt").asText())).isEqualTo(startsAt);
            // The spike lasts 30 s; two normal windows after it resolve the alert.
            assertThat(Instant.parse(resolved.get("endsAt").asText()))
                    .isBetween(t0.plusSeconds(90), t0.plusSeconds(120));
        }
    }

    /** Preloads 120 s of traffic with an error spike on payments 60 s in; runs the job bounded. */
    private static String runJobOnASpike(Instant t0) throws Exception {
        TestAnalyticsJob job = TestAnalyticsJob.on(KAFKA, REGISTRY, 2).bounded().parallelism(2);
        String alerts = job.alerts();
        LogGenerator.builder()
                .bootstrapServers(KAFKA.bootstrapServers())
                .registry(REGISTRY.clientConfig().build())
                .topic(job.input())
                .seed(42)
                .startAt(t0)
                .ratePerSecond(0)
                .eventTimeRate(EVENTS_PER_SECOND)
                .count(120L * EVENTS_PER_SECOND)
                .incident("spike:payments@60s+30s")
                .build()
                .run();
        job.run("notifier-incident-it");
        return alerts;
    }

    private static JsonNode payments(AlertmanagerProcess am) throws Exception {
        for (JsonNode a : am.alerts()) {
            if (a.path("labels").path("service").asText().equals("payments")) {
                return a;
            }
        }
        return null;
    }
}
