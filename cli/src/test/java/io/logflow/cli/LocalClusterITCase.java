package io.logflow.cli;

import static io.logflow.cli.ClusterJobs.ROOT;
import static io.logflow.cli.ClusterJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * JVMs on Flink's jars only): submitted with Flink's CLI exactly as {@code flink run} would and
 * through a REST jar upload, recovering exactly once from a TaskManager killed with SIGKILL,
 * upgraded through a savepoint to a higher parallelism, and riding out a Kafka broker restart —
 * each with exact totals in the committed results.
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
        ClusterJobs.Topics t = JOBS.topics();
        // 3,000 events 1 ms apart: one one-minute window per service.
        Map<String, Long> expected = JOBS.produce(t.in(), 0, 3000, 1);
        LocalCluster cluster = ClusterJobs.startCluster(dir);
        try {
            String out = JOBS.flinkRun(cluster, t, "1s", List.of("--input.bounded"));
            assertThat(out).contains("Job has been submitted with JobID");
            assertThat(JOBS.readOnce(t.metrics(), expected.size())).isEqualTo(expected);
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
        ClusterJobs.Topics t = JOBS.topics();
        // 60,000 events 10 ms apart: ten minutes of event time, ten one-minute windows. The job
        // runs unbounded, so it is surely still running when the TaskManager dies; the last
        // window stays open (the watermark never passes it), so it is not expected.
        Map<String, Long> expected = JOBS.produce(t.in(), 0, 60_000, 10);
        ClusterJobs.dropWindow(expected, 9);
        LocalCluster cluster = ClusterJobs.startCluster(dir);
        try {
            String job = ClusterJobs.jobId(JOBS.flinkRun(cluster, t, "500ms", List.of()));

            ClusterJobs.awaitCompletedCheckpoints(cluster, job, 1);
            assertThat(cluster.rest("/jobs/" + job))
                    .as("the job is running when the TaskManager dies")
                    .contains("\"state\":\"RUNNING\"");
            long killedAt = System.currentTimeMillis();
            cluster.process("taskmanager").orElseThrow().destroyForcibly();
            cluster.startTaskManager();
            double restoreSeconds = (awaitRestarts(cluster, job) - killedAt) / 1000.0;
            System.out.printf("TaskManager killed; job restored in %.1f s%n", restoreSeconds);

            assertThat(JOBS.readOnce(t.metrics(), expected.size())).isEqualTo(expected);
        } finally {
            cluster.stop(); // also ends the unbounded job
        }
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

    @Test
    void restUploadThenSavepointUpgradeToParallelismTwoKeepsTotalsExact() throws Exception {
        ClusterJobs.Topics t = JOBS.topics();
        // First run: 4.5 minutes of event time; windows 0-3 close, window 4 is half full and
        // must travel through the savepoint.
        Map<String, Long> first = JOBS.produce(t.in(), 0, 27_000, 10);
        LocalCluster cluster = ClusterJobs.startCluster(dir);
        try {
            FlinkRest flink = new FlinkRest(cluster.restUrl());
            List<String> args = JOBS.analyticsArgs(t, "1s", List.of());
            String jarId = flink.upload(LocalCluster.jobsJar(ROOT));
            // Wrong arguments: the job's own message, and the JobManager (which runs main() for
            // REST submissions) survives them.
            assertThatThrownBy(
                            () -> flink.run(jarId, List.of("analytics", "--bogus", "1"), 1, null))
                    .hasMessageContaining("Unknown option 'bogus'");
            assertThatThrownBy(() -> flink.run(jarId, List.of(), 1, null))
                    .hasMessageContaining("No job named");
            assertThat(cluster.process("jobmanager")).isPresent();
            String job1 = flink.run(jarId, args, 1, null);

            Map<String, Long> closed = new java.util.HashMap<>(first);
            ClusterJobs.dropWindow(closed, 4);
            assertThat(JOBS.readOnce(t.metrics(), closed.size()))
                    .as("results of the REST-submitted job")
                    .isEqualTo(closed);

            long stopAt = System.nanoTime();
            String savepoint = flink.stopWithSavepoint(job1, null, WAIT);
            System.out.printf(
                    "stop-with-savepoint took %.1f s: %s%n",
                    (System.nanoTime() - stopAt) / 1e9, savepoint);
            assertThat(flink.state(job1)).isEqualTo("FINISHED");

            // Second run, upgraded: parallelism 2, through flink run -s, same sink identity.
            Map<String, Long> second = JOBS.produce(t.in(), 27_000, 27_000, 10);
            String out =
                    cluster.submit(
                            LocalCluster.jobsJar(ROOT),
                            List.of("-s", savepoint, "-p", "2"),
                            args,
                            Duration.ofSeconds(120));
            String job2 = ClusterJobs.jobId(out);
            assertThat(parallelisms(flink, job2)).contains(2);

            Map<String, Long> expected = ClusterJobs.sum(first, second);
            ClusterJobs.dropWindow(expected, 8);
            assertThat(JOBS.readOnce(t.metrics(), expected.size()))
                    .as("both runs together: every window once, window 4 from both halves")
                    .isEqualTo(expected);
        } finally {
            cluster.stop();
        }
    }

    @Test
    void brokerRestartUnderARunningJobLosesNothing() throws Exception {
        ClusterJobs.Topics t = JOBS.topics();
        Map<String, Long> before = JOBS.produce(t.in(), 0, 30_000, 10);
        LocalCluster cluster = ClusterJobs.startCluster(dir);
        try {
            String job = ClusterJobs.jobId(JOBS.flinkRun(cluster, t, "500ms", List.of()));
            Map<String, Long> closed = new java.util.HashMap<>(before);
            ClusterJobs.dropWindow(closed, 4);
            assertThat(JOBS.readOnce(t.metrics(), closed.size())).isEqualTo(closed);
            ClusterJobs.awaitCompletedCheckpoints(cluster, job, 1);

            KAFKA.kafka().stop();
            Thread.sleep(10_000); // long enough for the job to notice: fetches and commits fail
            long back = System.nanoTime();
            KAFKA.kafka().start();

            Map<String, Long> after = JOBS.produce(t.in(), 30_000, 30_000, 10);
            Map<String, Long> expected = ClusterJobs.sum(before, after);
            ClusterJobs.dropWindow(expected, 9);
            assertThat(JOBS.readOnce(t.metrics(), expected.size())).isEqualTo(expected);
            FlinkRest flink = new FlinkRest(cluster.restUrl());
            String seen = outageSeen(flink, job);
            System.out.printf(
                    "broker back; all results committed %.1f s later; job %s; %s%n",
                    (System.nanoTime() - back) / 1e9, restarts(flink, job), seen);
            // "Loses nothing" means something only if the job felt the outage: it restarted, a
            // checkpoint failed, or one waited out most of the 10 s for the broker.
            assertThat(seen).as("the job saw the broker outage").doesNotStartWith("unseen");
        } finally {
            cluster.stop();
        }
    }

    private static List<Integer> parallelisms(FlinkRest flink, String job) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : flink.get("/jobs/" + job).path("vertices")) {
            out.add(v.path("parallelism").asInt());
        }
        return out;
    }

    private static String outageSeen(FlinkRest flink, String job) throws Exception {
        JsonNode details = flink.get("/jobs/" + job);
        boolean restarted = details.path("timestamps").path("RESTARTING").asLong() > 0;
        JsonNode checkpoints = flink.get("/jobs/" + job + "/checkpoints");
        long failed = checkpoints.path("counts").path("failed").asLong();
        long slowest = checkpoints.path("summary").path("end_to_end_duration").path("max").asLong();
        String what =
                "restarted="
                        + restarted
                        + ", failed checkpoints="
                        + failed
                        + ", slowest="
                        + slowest
                        + " ms";
        return (restarted || failed > 0 || slowest >= 5_000 ? "seen: " : "unseen: ") + what;
    }

    private static String restarts(FlinkRest flink, String job) throws Exception {
        JsonNode details = flink.get("/jobs/" + job);
        return details.path("state").asText()
                + (details.path("timestamps").has("RESTARTING")
                                && details.path("timestamps").path("RESTARTING").asLong() > 0
                        ? " (restarted from its checkpoint)"
                        : " (no restart needed)");
    }
}
