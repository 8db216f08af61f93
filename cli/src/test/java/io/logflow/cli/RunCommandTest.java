package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.alerts.AlertOptions;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsOptions;
import io.logflow.jobs.analytics.InputSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.flink.configuration.ConfigOption;
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
    void runsUsageListsTheJobsOwnOptionsWithTheirDefaults() {
        String usage = RunCommand.usage();
        assertThat(usage)
                .startsWith(
                        RunCommand.ARGS.usage() + "\nAny other option is the analytics job's:\n")
                .endsWith(
                        "\n  Passed on as they are: any --key starting with "
                                + String.join(", ", AnalyticsOptions.FLINK_PREFIXES)
                                + ", "
                                + AnalyticsOptions.KAFKA_PROPERTIES_PREFIX
                                + ", "
                                + InputSource.PREFIX);
        for (ConfigOption<?> option : AnalyticsOptions.all()) {
            assertThat(usage).contains("\n  --" + option.key() + " ");
        }
        assertThat(line(usage, AnalyticsOptions.GROUP_ID))
                .startsWith("  --input.group-id VALUE ")
                .endsWith(" Default: " + AnalyticsOptions.GROUP_ID.defaultValue() + ".");
        assertThat(line(usage, AnalyticsOptions.TOP_N))
                .startsWith("  --top-n N ")
                .endsWith(" Default: " + AnalyticsOptions.TOP_N.defaultValue() + ".");
        assertThat(line(usage, AnalyticsOptions.INPUT_TOPICS))
                .startsWith("  --input.topics VALUE (repeatable) ")
                .endsWith(
                        " Default: "
                                + String.join(";", AnalyticsOptions.INPUT_TOPICS.defaultValue())
                                + ".");
        assertThat(line(usage, AlertOptions.MIN_VOLUME))
                .endsWith(" Default: " + AlertOptions.MIN_VOLUME.defaultValue() + ".");
    }

    /** The usage line of {@code option}. */
    private static String line(String usage, ConfigOption<?> option) {
        return usage.lines()
                .filter(l -> l.startsWith("  --" + option.key() + " "))
                .findFirst()
                .orElseThrow();
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
