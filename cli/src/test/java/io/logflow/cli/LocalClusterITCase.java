package io.logflow.cli;

import static io.logflow.cli.ClusterJobs.ROOT;
import static io.logflow.cli.ClusterJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jobs jar on a real standalone Flink cluster (JobManager and TaskManager as their own
 * JVMs on Flink's jars only): submitted with Flink's CLI exactly as {@code flink run} would and
 * through a REST jar upload, and upgraded through a savepoint to a higher parallelism, with exact
 * totals in the committed results. A killed TaskManager and a broker restart under a running job
 * are {@link ChaosITCase}'s, all three faults in one run.
 */
class LocalClusterITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

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
            // A usage asked for is the answer's message too, not a job.
            assertThatThrownBy(() -> flink.run(jarId, List.of("analytics", "--help"), 1, null))
                    .hasMessageEndingWith(
                            "): Usage: flink run logflow-jobs.jar analytics [--key value]...");
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

    private static List<Integer> parallelisms(FlinkRest flink, String job) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : flink.get("/jobs/" + job).path("vertices")) {
            out.add(v.path("parallelism").asInt());
        }
        return out;
    }
}
