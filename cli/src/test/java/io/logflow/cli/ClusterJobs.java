package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the cluster tests share: input with known counts per service and one-minute window, the
 * analytics job's arguments, and reading its committed results while checking each window once.
 */
final class ClusterJobs {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Instant BASE = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(180);

    private final KafkaExtension kafka;
    private final SchemaRegistryExtension registry;

    ClusterJobs(KafkaExtension kafka, SchemaRegistryExtension registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** A fresh input topic (2 partitions) and results topic for one test. */
    record Topics(String in, String metrics) {}

    Topics topics() {
        return new Topics(kafka.createTopic("logs", 2), kafka.createTopic("log-metrics", 1));
    }

    /** A standalone cluster with its files under {@code dir}, started and ready for jobs. */
    static LocalCluster startCluster(Path dir) throws Exception {
        LocalCluster cluster =
                new LocalCluster(ROOT, dir, Ports.free("127.0.0.1"), Ports.free("127.0.0.1"));
        try {
            cluster.start(Duration.ofSeconds(90));
        } catch (Exception | AssertionError e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    /** {@code flink run} of the analytics job (see {@link #analyticsArgs}); its output. */
    String flinkRun(LocalCluster cluster, Topics t, String checkpoints, List<String> extra)
            throws Exception {
        Path jar = LocalCluster.jobsJar(ROOT);
        assertThat(jar).as("the shaded jobs jar (mvn package builds it)").exists();
        return cluster.submit(jar, analyticsArgs(t, checkpoints, extra), Duration.ofSeconds(120));
    }

    /**
     * Sends events {@code from} to {@code from + count - 1}, event {@code i} at {@code BASE + i *
     * stepMillis}; returns the counts per service@window.
     */
    Map<String, Long> produce(String topic, int from, int count, long stepMillis) {
        RegistryClientConfig config = registry.clientConfig().build();
        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, config);
        List<byte[]> values = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int i = from; i < from + count; i++) {
            LogEvent e = SampleEvents.event(i, BASE);
            e.setTimestamp(BASE.plusMillis(stepMillis * i));
            values.add(serializer.serialize(e));
            expected.merge(key(e.getService(), windowOf(e.getTimestamp())), 1L, Long::sum);
        }
        kafka.sendValues(topic, values);
        return expected;
    }

    /** The analytics job's arguments: from the start of {@code in}, one-minute windows. */
    List<String> analyticsArgs(Topics t, String checkpoints, List<String> extra) {
        String in = t.in();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "analytics",
                                "--kafka.bootstrap-servers",
                                kafka.bootstrapServers(),
                                "--registry.url",
                                registry.url(),
                                "--input.topics",
                                in,
                                "--input.starting-offsets",
                                "earliest",
                                "--output.metrics-topic",
                                t.metrics(),
                                "--output.transactional-id-prefix",
                                "cluster-" + in,
                                "--execution.checkpointing.interval",
                                checkpoints,
                                "--windows",
                                "tumbling:1m"));
        args.addAll(extra);
        return args;
    }

    /** The committed window results (service@window → count), asserting each window once. */
    Map<String, Long> readOnce(String metrics, int windows) throws Exception {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, metrics, registry.clientConfig().build());
        Map<String, Long> seen = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.read(metrics, windows, WAIT)) {
            WindowStats w = reader.deserialize(r.value());
            String key = key(w.getService(), w.getWindowStart());
            seen.put(key, w.getCount());
            times.merge(key, 1, Integer::sum);
        }
        assertThat(times.values()).as("each window once").containsOnly(1);
        return seen;
    }

    /** Drops the window starting at {@code BASE + minute} (still open: no watermark passes it). */
    static void dropWindow(Map<String, Long> counts, int minute) {
        String open = "@" + BASE.plusSeconds(60L * minute);
        counts.keySet().removeIf(k -> k.endsWith(open));
    }

    static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> all = new HashMap<>(a);
        b.forEach((k, v) -> all.merge(k, v, Long::sum));
        return all;
    }

    static String jobId(String flinkRunOutput) {
        Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(flinkRunOutput);
        assertThat(id.find()).as("job id in: %s", flinkRunOutput).isTrue();
        return id.group(1);
    }

    private static String key(String service, Instant window) {
        return service + "@" + window;
    }

    private static Instant windowOf(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli() / 60_000 * 60_000);
    }
}
