package io.logflow.cli;

import static io.logflow.cli.ClusterJobs.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run stopped as Ctrl-C stops it (the job cancelled) and started again resumes from its
 * retained checkpoint: the window open across the restart is whole, none is emitted twice.
 */
class ResumeITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final ClusterJobs JOBS = new ClusterJobs(KAFKA, REGISTRY);

    @TempDir Path dir;

    @Test
    void aRestartedRunResumesFromTheLastRunsCheckpoint() throws Exception {
        ClusterJobs.Topics t = JOBS.topics();
        String checkpoints = dir.resolve("checkpoints").toUri().toString();
        List<String> args = new ArrayList<>(JOBS.analyticsArgs(t, "500ms", List.of()));
        args.remove(0); // the job's name
        args.addAll(List.of("--execution.checkpointing.dir", checkpoints));
        List<String> notes = new ArrayList<>();

        // First run: 150 s of event time; windows 0 and 1 close, window 2 is half full.
        Map<String, Long> first = JOBS.produce(t.in(), 0, 15_000, 10);
        assertThat(CheckpointResume.latest(checkpoints)).isEmpty();
        try (LocalFlink flink = LocalFlink.start("127.0.0.1", 0, 2, dir.resolve("tmp"))) {
            JobClient job = submit(flink, args, checkpoints, notes);
            Map<String, Long> closed = new HashMap<>(first);
            ClusterJobs.dropWindow(closed, 2);
            assertThat(JOBS.readOnce(t.metrics(), closed.size())).isEqualTo(closed);
            // Two more checkpoints after the results: the whole input is behind the last one.
            awaitCheckpoints(flink, job, completed(flink, job) + 2);
            job.cancel().get(); // what Ctrl-C does
        }
        assertThat(notes).isEmpty();
        String retained = CheckpointResume.latest(checkpoints).orElseThrow();

        // Second run, after more input: resumes from the retained checkpoint.
        Map<String, Long> second = JOBS.produce(t.in(), 15_000, 15_000, 10);
        try (LocalFlink flink = LocalFlink.start("127.0.0.1", 0, 2, dir.resolve("tmp"))) {
            JobClient job = submit(flink, args, checkpoints, notes);
            assertThat(notes).singleElement().asString().startsWith("Resuming from " + retained);
            JsonNode restored =
                    new FlinkRest(flink.url())
                            .get("/jobs/" + job.getJobID() + "/checkpoints")
                            .path("latest")
                            .path("restored");
            assertThat(restored.path("external_path").asText())
                    .isEqualTo(retained.replaceFirst("^file:/+", "file:/"));

            Map<String, Long> expected = ClusterJobs.sum(first, second);
            ClusterJobs.dropWindow(expected, 4);
            assertThat(JOBS.readOnce(t.metrics(), expected.size()))
                    .as("windows 0-3 once each; window 2 with the events of both runs")
                    .isEqualTo(expected);
            job.cancel().get();
        }
    }

    private static JobClient submit(
            LocalFlink flink, List<String> args, String checkpoints, List<String> notes)
            throws Exception {
        List<String> all = CheckpointResume.apply(args, checkpoints, false, false, notes::add);
        return AnalyticsJob.submit(
                flink.environment(), AnalyticsConfig.fromArgs(all.toArray(String[]::new)));
    }

    private static long completed(LocalFlink flink, JobClient job) throws Exception {
        return new FlinkRest(flink.url())
                .get("/jobs/" + job.getJobID() + "/checkpoints")
                .path("counts")
                .path("completed")
                .asLong();
    }

    private static void awaitCheckpoints(LocalFlink flink, JobClient job, long n) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (completed(flink, job) < n) {
            assertThat(System.nanoTime())
                    .as("checkpoint %d within %s", n, WAIT)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
