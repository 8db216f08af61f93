package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.alerts.AlertOptions;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir Path dir;

    @Test
    void runKeepsItsOwnFlagsAndHandsEveryOtherToTheJobInOrder() {
        RunCommand.Settings s =
                RunCommand.settings(
                        new String[] {
                            "analytics",
                            "--alerts.min-volume",
                            "5",
                            "--fresh",
                            "--flink-port=9000",
                            "--input.bounded",
                            "--data-dir",
                            dir.toString(),
                            "--kafka.bootstrap-servers",
                            "k:1"
                        });
        String checkpoints = dir.resolve("checkpoints").resolve("analytics").toUri().toString();
        assertThat(s.jobArgs())
                .containsExactly(
                        "--alerts.min-volume",
                        "5",
                        "--input.bounded",
                        "--kafka.bootstrap-servers",
                        "k:1",
                        "--execution.checkpointing.dir",
                        checkpoints);
        assertThat(s.checkpointDir()).isEqualTo(checkpoints);
        assertThat(s.own().get(CliOptions.FLINK_PORT)).isEqualTo(9000);
        assertThat(s.own().get(CliOptions.METRICS_PORT)).isEqualTo(9249);
        assertThat(s.own().get(CliOptions.FRESH)).isTrue();
        AnalyticsConfig job = AnalyticsConfig.fromArgs(s.jobArgs().toArray(String[]::new));
        assertThat(job.get(AlertOptions.MIN_VOLUME)).isEqualTo(5);
        assertThat(job.get(AnalyticsOptions.BOUNDED)).isTrue();
    }

    @Test
    void aGivenCheckpointDirectoryIsRunsAndTheJobs() {
        RunCommand.Settings s =
                RunCommand.settings(
                        new String[] {"analytics", "--execution.checkpointing.dir=file:/x/chk"});
        assertThat(s.checkpointDir()).isEqualTo("file:/x/chk");
        assertThat(s.jobArgs()).containsExactly("--execution.checkpointing.dir", "file:/x/chk");
    }

    @Test
    void aBadJobOptionIsTheJobsErrorBeforeFlinkStarts() {
        Console out = new Console(new PrintStream(new ByteArrayOutputStream()));
        String[] args = {"analytics", "--data-dir", dir.toString(), "--alerts.min-volume", "many"};
        assertThatThrownBy(() -> RunCommand.run(args, out))
                .isInstanceOf(CliException.class)
                .hasMessage(
                        "run analytics: Invalid value for 'alerts.min-volume': 'many'; expected a"
                                + " whole number");
        assertThatThrownBy(() -> RunCommand.run(new String[] {"analytics", "--nope", "1"}, out))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("run analytics: Unknown option 'nope'. Known options: ");
    }
}
