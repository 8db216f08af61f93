package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.junit.TestEvents;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jobs jar on a real standalone Flink cluster (JobManager and TaskManager as their own
 * JVMs on Flink's jars only), submitted with Flink's CLI exactly as {@code flink run} would.
 */
class LocalClusterITCase {

    @RegisterExtension
    @Order(1)
    static final KafkaExtension KAFKA = new KafkaExtension();

    @RegisterExtension
    @Order(2)
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension(KAFKA);

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Instant BASE = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir Path dir;

    @Test
    void shadedJarRunsOnAStandaloneClusterThroughFlinkRun() throws Exception {
        Path jar = ROOT.resolve("jobs/target/logflow-jobs-0.1.0-SNAPSHOT-flink.jar");
        assertThat(jar).as("the shaded jobs jar (mvn package builds it)").exists();
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        RegistryClientConfig registry = REGISTRY.clientConfig().build();
        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, in, registry);
        List<byte[]> values = new ArrayList<>();
        for (LogEvent e : TestEvents.events(3000, BASE)) {
            values.add(serializer.serialize(e));
        }
        KAFKA.sendValues(in, values);

        LocalCluster cluster =
                new LocalCluster(ROOT, dir, Ports.free("127.0.0.1"), Ports.free("127.0.0.1"));
        try {
            cluster.start(Duration.ofSeconds(90));
            String out =
                    cluster.submit(
                            jar,
                            List.of(
                                    "analytics",
                                    "--kafka.bootstrap-servers",
                                    KAFKA.bootstrapServers(),
                                    "--registry.url",
                                    REGISTRY.url(),
                                    "--input.topics",
                                    in,
                                    "--input.bounded",
                                    "--input.starting-offsets",
                                    "earliest",
                                    "--output.metrics-topic",
                                    metrics,
                                    "--output.transactional-id-prefix",
                                    "cluster-" + in,
                                    "--checkpoint.interval",
                                    "1s",
                                    "--windows",
                                    "tumbling:1m"),
                            Duration.ofSeconds(120));
            assertThat(out).contains("Job has been submitted with JobID");

            var reader =
                    ConfluentAvroSerdes.valueDeserializer(WindowStats.class, metrics, registry);
            List<WindowStats> results = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    KAFKA.read(metrics, 3, Duration.ofSeconds(120))) {
                results.add(reader.deserialize(r.value()));
            }
            Map<String, Long> perService =
                    results.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            WindowStats::getService,
                                            Collectors.summingLong(WindowStats::getCount)));
            assertThat(perService)
                    .isEqualTo(Map.of("checkout", 1000L, "payments", 1000L, "search", 1000L));
            assertThat(cluster.rest("/jobs/overview")).contains("logflow-analytics");
        } finally {
            cluster.stop();
        }
        assertThat(cluster.process("jobmanager")).isEmpty();
        assertThat(cluster.process("taskmanager")).isEmpty();
        assertThat(Files.readString(dir.resolve("log/jobmanager.log")))
                .contains("logflow-analytics");
    }
}
