package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.generator.GeneratorReport;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's wiring for real, in this JVM: broker, registry, generator and the analytics job. What
 * the generator reports having sent must match what the job emits, to the record.
 */
class DemoStackITCase {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir Path data;

    @Test
    void everyServiceGetsExactWindowResultsAndMalformedRecordsReachTheDeadLetterTopic()
            throws Exception {
        DemoSettings settings =
                new DemoSettings(
                        data,
                        "127.0.0.1",
                        0,
                        0,
                        0,
                        0,
                        0,
                        3000,
                        300,
                        9000,
                        7,
                        0.01,
                        0.0,
                        "tumbling:1s",
                        "500ms",
                        List.of());
        // A receiver that answers nothing: the demo's notifier must start, find log-alerts, run.
        var notifier = io.logflow.notifier.NotifierConfigReader.empty();
        io.logflow.notifier.NotifierConfigReader.addReceiver(
                notifier,
                "hook",
                io.logflow.notifier.ReceiverType.WEBHOOK,
                "http://127.0.0.1:9/hook");
        io.logflow.notifier.NotifierConfigReader.set(
                notifier, "data-dir", data.resolve(DataDirs.NOTIFIER).toString());
        try (DemoStack stack = new DemoStack(settings).notifier(notifier).start(step -> {})) {
            assertThat(stack.notifierReceivers()).isEqualTo("[hook (webhook, http://127.0.0.1:9)]");
            GeneratorReport sent = stack.stopGeneratorWhenDone(WAIT);
            assertThat(sent.totalRecords()).isEqualTo(9000);
            assertThat(sent.malformedRecords()).isPositive();
            assertThat(sent.failedRecords()).isZero();
            String bootstrap = stack.kafkaBootstrap();
            RegistryClientConfig registry =
                    RegistryClientConfig.builder(stack.registryUrl()).build();

            // Dead letters: exactly the malformed records the generator sent.
            List<ConsumerRecord<byte[], byte[]>> dlq =
                    TopicReader.readCommitted(
                            bootstrap, Defaults.TOPIC_DLQ, (int) sent.malformedRecords(), WAIT);
            assertThat(dlq).hasSize((int) sent.malformedRecords());

            // Ground truth: what is on the input topic, decoded, per service and second.
            ConfluentAvroDeserializationSchema<LogEvent> events =
                    ConfluentAvroSerdes.valueDeserializer(
                            LogEvent.class, Defaults.TOPIC_LOGS, registry);
            Map<String, Long> truth = new HashMap<>();
            Map<String, Long> perService = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    TopicReader.readCommitted(
                            bootstrap, Defaults.TOPIC_LOGS, (int) sent.totalRecords(), WAIT)) {
                LogEvent e;
                try {
                    e = events.deserialize(r.value());
                } catch (java.io.IOException malformed) {
                    continue;
                }
                long second = e.getTimestamp().toEpochMilli() / 1000 * 1000;
                truth.merge(e.getService() + "@" + second, 1L, Long::sum);
                perService.merge(e.getService(), 1L, Long::sum);
            }
            assertThat(perService).isEqualTo(sent.validByService());
            // The raw stream beside it: nginx lines, all the gateway's, read by the job's own
            // parser for the truth.
            long gatewayLines = 0;
            var nginx =
                    new io.logflow.jobs.formats.AccessLogFormat(
                            new io.logflow.jobs.formats.FormatSettings("gateway", Map.of()));
            var scratch = new io.logflow.jobs.analytics.functions.CompactEvent();
            for (ConsumerRecord<byte[], byte[]> r :
                    TopicReader.readCommitted(
                            bootstrap,
                            DemoStack.GATEWAY_TOPIC,
                            (int) stack.gatewayGenerated().totalRecords(),
                            WAIT)) {
                scratch.reset(r.timestamp(), "gateway");
                nginx.parse(
                        r.value(),
                        r.timestamp(),
                        scratch,
                        e -> truth.merge("gateway@" + e.timestamp / 1000 * 1000, 1L, Long::sum));
                gatewayLines++;
            }
            assertThat(gatewayLines).isEqualTo(9000 / 5);
            Map<String, Long> services = new HashMap<>(sent.validByService());
            services.put("gateway", gatewayLines);

            // Every service has window results, and each equals the ground truth exactly.
            ConfluentAvroDeserializationSchema<WindowStats> results =
                    ConfluentAvroSerdes.valueDeserializer(
                            WindowStats.class, Defaults.TOPIC_METRICS, registry);
            Map<String, WindowStats> latest = new HashMap<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline
                    && !latest.keySet().stream()
                            .map(k -> k.substring(0, k.indexOf('@')))
                            .distinct()
                            .toList()
                            .containsAll(services.keySet())) {
                latest.clear();
                for (ConsumerRecord<byte[], byte[]> r :
                        TopicReader.readCommitted(
                                bootstrap, Defaults.TOPIC_METRICS, 1, Duration.ofSeconds(5))) {
                    WindowStats w = results.deserialize(r.value());
                    latest.merge(
                            w.getService() + "@" + w.getWindowStart().toEpochMilli(),
                            w,
                            (a, b) -> a.getRevision() >= b.getRevision() ? a : b);
                }
            }
            assertThat(latest.keySet().stream().map(k -> k.substring(0, k.indexOf('@'))).distinct())
                    .containsExactlyInAnyOrderElementsOf(services.keySet());
            assertThat(latest)
                    .allSatisfy(
                            (key, w) ->
                                    assertThat(w.getCount())
                                            .as("window %s", key)
                                            .isEqualTo(truth.get(key)));
            assertThat(stack.notifierProcess().awaitStopped(Duration.ZERO)).isFalse();
            assertThat(stack.notifierProcess().failure()).isNull();
        }
    }
}
