package io.logflow.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.generator.Incident;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.jobs.analytics.TestAnalyticsJob;
import io.logflow.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the analytics job with its detectors on generated traffic: 10-second windows and {@value
 * #EVENTS_PER_SECOND} events per second of event time, preloaded, then read by a bounded run whose
 * exactly-once alerts are read {@code read_committed} once the job has finished.
 */
final class AlertsRun {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final long WINDOW = 10_000;
    static final int EVENTS_PER_SECOND = 1000;
    static final List<String> SERVICES =
            List.of("gateway", "search", "catalog", "checkout", "auth", "payments");
    // A route per service whose slowdown moves the service's p99, the only latency WindowStats
    // carries: a 6x slower fast route (gateway /api/v1/home, checkout /api/cart) stays below the
    // slow routes' tail, and a first 60-incident run missed exactly those.
    static final Map<String, String> SLOWED_PATH =
            Map.of(
                    "gateway", "/api/v1/checkout",
                    "search", "/api/search",
                    "catalog", "/api/products",
                    "checkout", "/api/checkout",
                    "auth", "/api/login",
                    "payments", "/api/payments");

    private final KafkaExtension kafka;
    private final SchemaRegistryExtension registry;

    AlertsRun(KafkaExtension kafka, SchemaRegistryExtension registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Preloads {@code duration} of traffic, runs the job bounded, returns the committed alerts. */
    List<Alert> run(long seed, Duration duration, List<Incident> incidents) throws Exception {
        return run(seed, duration, incidents, Map.of());
    }

    /** As {@link #run(long, Duration, List)}, with the job's {@code options} set too. */
    List<Alert> run(
            long seed, Duration duration, List<Incident> incidents, Map<String, String> options)
            throws Exception {
        TestAnalyticsJob job = TestAnalyticsJob.on(kafka, registry, 2).bounded().parallelism(2);
        options.forEach(job::set);
        String alertsTopic = job.alerts();
        String patternsTopic = job.patterns();
        RegistryClientConfig registryConfig = registry.clientConfig().build();
        var generator =
                LogGenerator.builder()
                        .bootstrapServers(kafka.bootstrapServers())
                        .registry(registryConfig)
                        .topic(job.input())
                        .seed(seed)
                        .services(SERVICES)
                        .startAt(T0)
                        .ratePerSecond(0)
                        .eventTimeRate(EVENTS_PER_SECOND)
                        .count(duration.toSeconds() * EVENTS_PER_SECOND);
        incidents.forEach(generator::incident);
        generator.build().run();

        job.run("alerts-it");

        assertThat(readAll(patternsTopic)).isNotEmpty();
        var deserializer =
                ConfluentAvroSerdes.valueDeserializer(Alert.class, alertsTopic, registryConfig);
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(alertsTopic)) {
            Alert alert = deserializer.deserialize(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(alert.getAlertId());
            alerts.add(alert);
        }
        return alerts;
    }

    /** Everything committed in {@code topic}: the job has finished, so its end is known. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        TopicReader.committedConsumer(kafka.bootstrapServers(), "earliest"))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
