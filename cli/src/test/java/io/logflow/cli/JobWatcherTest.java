package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

class JobWatcherTest {

    private static final String OOM = "java.lang.OutOfMemoryError: Java heap space\n\tat ...";

    @Test
    void aRestartLoopIsPrintedFailureByFailureAndTheRecoveryOnce() {
        JobWatcher watcher = JobWatcher.start(() -> null, line -> {});
        watcher.close();
        List<String> lines = new ArrayList<>();
        for (JobWatcher.Snapshot s :
                List.of(
                        new JobWatcher.Snapshot(JobStatus.RUNNING, 0, null),
                        new JobWatcher.Snapshot(JobStatus.RESTARTING, 1000, OOM),
                        new JobWatcher.Snapshot(JobStatus.RESTARTING, 1000, OOM),
                        // Failed again between two polls: still one line per failure.
                        new JobWatcher.Snapshot(JobStatus.RUNNING, 2000, OOM),
                        new JobWatcher.Snapshot(JobStatus.RUNNING, 2000, OOM),
                        new JobWatcher.Snapshot(JobStatus.FAILED, 3000, "boom"))) {
            String line = watcher.observe(s);
            if (line != null) {
                lines.add(line);
            }
        }
        assertThat(lines)
                .containsExactly(
                        "JOB FAILURE #1 (RESTARTING): java.lang.OutOfMemoryError: Java heap space -"
                                + " it restarts from its last checkpoint; details in"
                                + " logs/logflow.log",
                        "JOB FAILURE #2 (RUNNING): java.lang.OutOfMemoryError: Java heap space -"
                                + " it restarts from its last checkpoint; details in"
                                + " logs/logflow.log",
                        "JOB FAILED (FAILED): boom - the job has stopped; results stop here;"
                                + " details in logs/logflow.log");
    }

    @Test
    void aHealthyJobSaysNothingAndAStopIsSaidOnce() {
        JobWatcher watcher = JobWatcher.start(() -> null, line -> {});
        watcher.close();
        assertThat(watcher.observe(new JobWatcher.Snapshot(JobStatus.RUNNING, 0, null))).isNull();
        assertThat(watcher.observe(new JobWatcher.Snapshot(JobStatus.RUNNING, 0, null))).isNull();
        assertThat(watcher.observe(new JobWatcher.Snapshot(JobStatus.CANCELED, 0, null)))
                .isEqualTo("JOB CANCELED: the analytics job has stopped; results stop here");
        assertThat(watcher.observe(new JobWatcher.Snapshot(JobStatus.CANCELED, 0, null))).isNull();
    }

    @Test
    void recoveryAfterAFailureIsSaid() {
        JobWatcher watcher = JobWatcher.start(() -> null, line -> {});
        watcher.close();
        watcher.observe(new JobWatcher.Snapshot(JobStatus.RESTARTING, 5, "x"));
        assertThat(watcher.observe(new JobWatcher.Snapshot(JobStatus.RUNNING, 5, "x")))
                .isEqualTo("JOB RUNNING again after 1 failure(s)");
    }
}
