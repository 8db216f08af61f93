package io.logflow.cli;

import static io.logflow.cli.ClusterJobs.ROOT;
import static io.logflow.cli.ClusterJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final ClusterJobs JOBS = new ClusterJobs(KAFKA, REGISTRY);

    @TempDir Path dir;

    @Test
    void shadedJarRunsOnAStandaloneClusterThroughFlinkRun() throws Exception {
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        // 3,000 events 1 ms apart: one one-minute window per service.
        Map<String, Long> expected = JOBS.produce(in, 0, 3000, 1);
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            String out = submit(cluster, in, metrics, "1s", List.of("--input.bounded"));
            assertThat(out).contains("Job has been submitted with JobID");
            assertThat(JOBS.readOnce(metrics, expected.size())).isEqualTo(expected);
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
        Map<String, Long> expected = JOBS.produce(in, 0, 60_000, 10);
        ClusterJobs.dropWindow(expected, 9);
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            String out = submit(cluster, in, metrics, "500ms", List.of());
            String job = ClusterJobs.jobId(out);

            ClusterJobs.awaitCompletedCheckpoints(cluster, job, 1);
            assertThat(cluster.rest("/jobs/" + job))
                    .as("the job is running when the TaskManager dies")
                    .contains("\"state\":\"RUNNING\"");
            long killedAt = System.currentTimeMillis();
            cluster.process("taskmanager").orElseThrow().destroyForcibly();
            cluster.startTaskManager();
            double restoreSeconds = (awaitRestarts(cluster, job) - killedAt) / 1000.0;
            System.out.printf("TaskManager killed; job restored in %.1f s%n", restoreSeconds);

            assertThat(JOBS.readOnce(metrics, expected.size())).isEqualTo(expected);
        } finally {
            cluster.stop(); // also ends the unbounded job
        }
    }

    private LocalCluster newCluster() {
        return new LocalCluster(ROOT, dir, Ports.free("127.0.0.1"), Ports.free("127.0.0.1"));
    }

    /** {@code flink run} of the analytics job from the start of the input topic. */
    private static String submit(
            LocalCluster cluster, String in, String metrics, String checkpoints, List<String> extra)
            throws Exception {
        Path jar = LocalCluster.jobsJar(ROOT);
        assertThat(jar).as("the shaded jobs jar (mvn package builds it)").exists();
        return cluster.submit(
                jar, JOBS.analyticsArgs(in, metrics, checkpoints, extra), Duration.ofSeconds(120));
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
