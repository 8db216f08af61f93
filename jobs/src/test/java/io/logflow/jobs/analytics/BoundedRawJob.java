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
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the raw-source ITCases share: the analytics job run bounded over the sources they name, with
 * one-minute windows and its own output topics, and its committed results read back.
 */
final class BoundedRawJob {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaExtension kafka;
    private final SchemaRegistryExtension registry;
    private final TestAnalyticsJob job;
    final String metrics;
    final String deadLetters;

    BoundedRawJob(KafkaExtension kafka, SchemaRegistryExtension registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.job =
                TestAnalyticsJob.on(kafka, registry, 1)
                        .bounded()
                        .parallelism(2)
                        .set("windows", "tumbling:1m")
                        // The job's defaults, under which the sources' timelines were written.
                        .set("watermark.out-of-orderness", "5s")
                        .set("watermark.idle-timeout", "30s")
                        .set("execution.checkpointing.interval", "300ms");
        this.metrics = job.metrics();
        this.deadLetters = job.deadLetters();
    }

    /** Runs the job to the end of its input; {@code sources} are its input.sources arguments. */
    void run(String name, String... sources) throws Exception {
        for (int i = 0; i < sources.length; i += 2) {
            job.set(sources[i].substring("--".length()), sources[i + 1]);
        }
        if (List.of(sources).contains("--input.sources")) {
            job.unset("input.topics");
        }
        job.run(name);
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
