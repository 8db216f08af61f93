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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jobs jar on a real standalone Flink cluster (JobManager and TaskManager as their own
 * JVMs on Flink's jars only), submitted with Flink's CLI exactly as {@code flink run} would, and
 * recovering exactly once from a TaskManager killed with SIGKILL.
 */
class LocalClusterITCase {

    @RegisterExtension
    @Order(1)
    static final KafkaExtension KAFKA = new KafkaExtension();

    @RegisterExtension
    @Order(2)
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension(KAFKA);

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Instant BASE = Instant.parse("2026-11-26T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir Path dir;

    @Test
    void shadedJarRunsOnAStandaloneClusterThroughFlinkRun() throws Exception {
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        // 3,000 events 1 ms apart: one one-minute window per service.
        Map<String, Long> expected = produce(in, 3000, 1);
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            String out = submit(cluster, in, metrics, "1s", List.of("--input.bounded"));
            assertThat(out).contains("Job has been submitted with JobID");
            assertThat(readOnce(metrics, expected.size())).isEqualTo(expected);
            assertThat(cluster.rest("/jobs/overview")).contains("logflow-analytics");
        } finally {
            cluster.stop();
        }
        assertThat(cluster.process("jobmanager")).isEmpty();
        assertThat(cluster.process("taskmanager")).isEmpty();
        assertThat(Files.readString(dir.resolve("log/jobmanager.log")))
                .contains("logflow-analytics");
    }

    @Test
    void killedTaskManagerRestoresFromCheckpointWithoutLossOrDuplicates() throws Exception {
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        // 60,000 events 10 ms apart: ten minutes of event time, ten one-minute windows. The job
        // runs unbounded, so it is surely still running when the TaskManager dies; the last
        // window stays open (the watermark never passes it), so it is not expected.
        Map<String, Long> expected = produce(in, 60_000, 10);
        String lastWindow = "@" + BASE.plusSeconds(540);
        expected.keySet().removeIf(k -> k.endsWith(lastWindow));
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            String out = submit(cluster, in, metrics, "500ms", List.of());
            Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(out);
            assertThat(id.find()).as("job id in: %s", out).isTrue();
            String job = id.group(1);

            awaitCompletedCheckpoints(cluster, job, 1);
            assertThat(cluster.rest("/jobs/" + job))
                    .as("the job is running when the TaskManager dies")
                    .contains("\"state\":\"RUNNING\"");
            long killedAt = System.currentTimeMillis();
            cluster.process("taskmanager").orElseThrow().destroyForcibly();
            cluster.startTaskManager();
            double restoreSeconds = (awaitRestarts(cluster, job) - killedAt) / 1000.0;
            System.out.printf("TaskManager killed; job restored in %.1f s%n", restoreSeconds);

            assertThat(readOnce(metrics, expected.size())).isEqualTo(expected);
        } finally {
            cluster.stop(); // also ends the unbounded job
        }
    }

    private LocalCluster newCluster() {
        return new LocalCluster(ROOT, dir, Ports.free("127.0.0.1"), Ports.free("127.0.0.1"));
    }

    /** Sends {@code count} events {@code stepMillis} apart; the counts per service@window. */
    private static Map<String, Long> produce(String topic, int count, long stepMillis) {
        RegistryClientConfig registry = REGISTRY.clientConfig().build();
        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registry);
        List<byte[]> values = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            LogEvent e = TestEvents.event(i, BASE);
            e.setTimestamp(BASE.plusMillis(stepMillis * i));
            values.add(serializer.serialize(e));
            expected.merge(e.getService() + "@" + windowOf(e.getTimestamp()), 1L, Long::sum);
        }
        KAFKA.sendValues(topic, values);
        return expected;
    }

    /** {@code flink run} of the analytics job from the start of the input topic. */
    private static String submit(
            LocalCluster cluster, String in, String metrics, String checkpoints, List<String> extra)
            throws Exception {
        Path jar = LocalCluster.jobsJar(ROOT);
        assertThat(jar).as("the shaded jobs jar (mvn package builds it)").exists();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "analytics",
                                "--kafka.bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--registry.url",
                                REGISTRY.url(),
                                "--input.topics",
                                in,
                                "--input.starting-offsets",
                                "earliest",
                                "--output.metrics-topic",
                                metrics,
                                "--output.transactional-id-prefix",
                                "cluster-" + in,
                                "--checkpoint.interval",
                                checkpoints,
                                "--windows",
                                "tumbling:1m"));
        args.addAll(extra);
        return cluster.submit(jar, args, Duration.ofSeconds(120));
    }

    /** The committed window results, asserting that no window was emitted twice. */
    private static Map<String, Long> readOnce(String metrics, int windows) throws Exception {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, metrics, REGISTRY.clientConfig().build());
        Map<String, Long> seen = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(metrics, windows, WAIT)) {
            WindowStats w = reader.deserialize(r.value());
            String key = w.getService() + "@" + w.getWindowStart();
            seen.put(key, w.getCount());
            times.merge(key, 1, Integer::sum);
        }
        assertThat(times.values()).as("each window once").containsOnly(1);
        return seen;
    }

    private static Instant windowOf(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli() / 60_000 * 60_000);
    }

    private static void awaitCompletedCheckpoints(LocalCluster cluster, String job, int n)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Pattern completed = Pattern.compile("\"completed\":(\\d+)");
        while (System.nanoTime() < deadline) {
            Matcher m = completed.matcher(cluster.rest("/jobs/" + job + "/checkpoints"));
            if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no completed checkpoint of job " + job);
    }

    /**
     * Waits until the job has gone through RESTARTING and runs (or has finished) again; returns the
     * wall-clock time it was RUNNING again, in epoch millis.
     */
    private static long awaitRestarts(LocalCluster cluster, String job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Pattern restarting = Pattern.compile("\"RESTARTING\":([1-9]\\d*)");
        Pattern running = Pattern.compile("\"RUNNING\":([1-9]\\d*)");
        while (System.nanoTime() < deadline) {
            String details = cluster.rest("/jobs/" + job);
            Matcher r = restarting.matcher(details);
            Matcher up = running.matcher(details);
            boolean back =
                    details.contains("\"state\":\"RUNNING\"")
                            || details.contains("\"state\":\"FINISHED\"");
            if (r.find()
                    && up.find()
                    && back
                    && Long.parseLong(up.group(1)) > Long.parseLong(r.group(1))) {
                return Long.parseLong(up.group(1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "job " + job + " did not restart and come back: " + cluster.rest("/jobs/" + job));
    }
}
