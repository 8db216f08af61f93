package io.logflow.cli;

import static io.logflow.cli.ClusterJobs.ROOT;
import static io.logflow.cli.ClusterJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operating the analytics job on a real standalone cluster: a REST jar upload, a
 * stop-with-savepoint upgrade to a higher parallelism, and a Kafka broker restart under a running
 * job — each with exact totals in the committed results.
 */
class ClusterUpgradeITCase {

    @RegisterExtension
    @Order(1)
    static final KafkaExtension KAFKA = new KafkaExtension();

    @RegisterExtension
    @Order(2)
    static final SchemaRegistryExtension REGISTRY = new SchemaRegistryExtension(KAFKA);

    private static final ClusterJobs JOBS = new ClusterJobs(KAFKA, REGISTRY);

    @TempDir Path dir;

    @Test
    void restUploadThenSavepointUpgradeToParallelismTwoKeepsTotalsExact() throws Exception {
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        // First run: 4.5 minutes of event time; windows 0-3 close, window 4 is half full and
        // must travel through the savepoint.
        Map<String, Long> first = JOBS.produce(in, 0, 27_000, 10);
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            FlinkRest flink = new FlinkRest(cluster.restUrl());
            List<String> args = JOBS.analyticsArgs(in, metrics, "1s", List.of());
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
            assertThat(JOBS.readOnce(metrics, closed.size()))
                    .as("results of the REST-submitted job")
                    .isEqualTo(closed);

            long stopAt = System.nanoTime();
            String savepoint = flink.stopWithSavepoint(job1, null, WAIT);
            System.out.printf(
                    "stop-with-savepoint took %.1f s: %s%n",
                    (System.nanoTime() - stopAt) / 1e9, savepoint);
            assertThat(flink.state(job1)).isEqualTo("FINISHED");

            // Second run, upgraded: parallelism 2, through flink run -s, same sink identity.
            Map<String, Long> second = JOBS.produce(in, 27_000, 27_000, 10);
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
            assertThat(JOBS.readOnce(metrics, expected.size()))
                    .as("both runs together: every window once, window 4 from both halves")
                    .isEqualTo(expected);
        } finally {
            cluster.stop();
        }
    }

    @Test
    void brokerRestartUnderARunningJobLosesNothing() throws Exception {
        String in = KAFKA.createTopic("logs", 2);
        String metrics = KAFKA.createTopic("log-metrics", 1);
        Map<String, Long> before = JOBS.produce(in, 0, 30_000, 10);
        LocalCluster cluster = newCluster();
        try {
            cluster.start(Duration.ofSeconds(90));
            String job =
                    ClusterJobs.jobId(
                            cluster.submit(
                                    LocalCluster.jobsJar(ROOT),
                                    JOBS.analyticsArgs(in, metrics, "500ms", List.of()),
                                    Duration.ofSeconds(120)));
            Map<String, Long> closed = new java.util.HashMap<>(before);
            ClusterJobs.dropWindow(closed, 4);
            assertThat(JOBS.readOnce(metrics, closed.size())).isEqualTo(closed);
            ClusterJobs.awaitCompletedCheckpoints(cluster, job, 1);

            KAFKA.kafka().stop();
            Thread.sleep(10_000); // long enough for the job to notice: fetches and commits fail
            long back = System.nanoTime();
            KAFKA.kafka().start();

            Map<String, Long> after = JOBS.produce(in, 30_000, 30_000, 10);
            Map<String, Long> expected = ClusterJobs.sum(before, after);
            ClusterJobs.dropWindow(expected, 9);
            assertThat(JOBS.readOnce(metrics, expected.size())).isEqualTo(expected);
            System.out.printf(
                    "broker back; all results committed %.1f s later; job %s%n",
                    (System.nanoTime() - back) / 1e9,
                    restarts(new FlinkRest(cluster.restUrl()), job));
        } finally {
            cluster.stop();
        }
    }

    private LocalCluster newCluster() {
        return new LocalCluster(ROOT, dir, Ports.free("127.0.0.1"), Ports.free("127.0.0.1"));
    }

    private static List<Integer> parallelisms(FlinkRest flink, String job) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : flink.get("/jobs/" + job).path("vertices")) {
            out.add(v.path("parallelism").asInt());
        }
        return out;
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
