package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the raw-source ITCases share: the analytics job run bounded over the sources they name, with
 * one-minute windows and its own output topics, and its committed results read back.
 */
final class BoundedRawJob {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaExtension kafka;
    private final SchemaRegistryExtension registry;
    final String metrics;
    final String deadLetters;

    BoundedRawJob(KafkaExtension kafka, SchemaRegistryExtension registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.metrics = kafka.createTopic("log-metrics", 1);
        this.deadLetters = kafka.createTopic("logs-dlq", 1);
    }

    /** Runs the job to the end of its input; {@code sources} are its input.sources arguments. */
    void run(String name, String... sources) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--kafka.bootstrap-servers",
                                kafka.bootstrapServers(),
                                "--registry.url",
                                registry.url(),
                                "--input.starting-offsets",
                                "earliest",
                                "--input.bounded",
                                "true",
                                "--output.metrics-topic",
                                metrics,
                                "--output.dead-letter-topic",
                                deadLetters,
                                "--output.late-topic",
                                kafka.createTopic("logs-late", 1),
                                "--output.patterns-topic",
                                kafka.createTopic("log-patterns", 1),
                                "--output.alerts-topic",
                                kafka.createTopic("log-alerts", 1),
                                "--windows",
                                "tumbling:1m",
                                "--execution.checkpointing.interval",
                                "300ms",
                                "--parallelism.default",
                                "2"));
        args.addAll(List.of(sources));
        AnalyticsConfig config = AnalyticsConfig.fromArgs(args.toArray(String[]::new));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AnalyticsJob.configure(env, config);
        AnalyticsIO.sinkAll(
                AnalyticsJob.defineWorkflow(AnalyticsIO.source(env, config), config), config);
        env.execute(name);
    }

    /** Exactly {@code expected} window results, all of the window at {@code start}, by service. */
    Map<String, WindowStats> windows(int expected, Instant start) throws Exception {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, metrics, registry.clientConfig().build());
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(metrics, expected, WAIT);
        assertThat(records).hasSize(expected);
        Map<String, WindowStats> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            WindowStats w = reader.deserialize(r.value());
            assertThat(w.getWindowStart()).isEqualTo(start);
            out.put(w.getService(), w);
        }
        return out;
    }

    /** Exactly {@code expected} committed dead letters. */
    List<DeadLetter> deadLetters(int expected) throws Exception {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        DeadLetter.class, deadLetters, registry.clientConfig().build());
        List<DeadLetter> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.read(deadLetters, expected, WAIT)) {
            out.add(reader.deserialize(r.value()));
        }
        assertThat(out).hasSize(expected);
        return out;
    }
}
