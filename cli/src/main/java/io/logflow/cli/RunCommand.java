package io.logflow.cli;

import io.logflow.connectors.config.ToolArgs;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;

/**
 * {@code run <job> [job options]}: runs a LogFlow job on a local MiniCluster (web UI included)
 * against any Kafka and registry, e.g. the user's own.
 */
final class RunCommand {

    static final ConfigOption<String> CHECKPOINT_DIR =
            CliOptions.text(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(),
                    "Where the job checkpoints, and the next run resumes from; default:"
                            + " <data-dir>/checkpoints/analytics.");

    static final ToolArgs ARGS =
            ToolArgs.of(
                    "bin/logflow run " + AnalyticsJob.NAME,
                    CliOptions.FLINK_PORT,
                    CliOptions.METRICS_PORT,
                    CliOptions.DATA_DIR,
                    CliOptions.FRESH,
                    CHECKPOINT_DIR);

    private RunCommand() {}

    /** What {@code run analytics} was asked: its own flags, and the rest for the job. */
    record Settings(Configuration own, String checkpointDir, List<String> jobArgs) {}

    static String usage() {
        return String.join(
                "\n",
                ARGS.usage(),
                "Any other option is the " + AnalyticsJob.NAME + " job's:",
                AnalyticsConfig.args(AnalyticsJob.NAME).optionLines());
    }

    /**
     * Run's own flags out of {@code args}; every other argument goes to the job as it is, followed
     * by the checkpoint directory (also the job's).
     */
    static Settings settings(String[] args) {
        if (args.length == 0 || !args[0].equals(AnalyticsJob.NAME)) {
            throw new CliException(
                    "run: name a job; available: "
                            + AnalyticsJob.NAME
                            + " (e.g. bin/logflow run analytics --kafka.bootstrap-servers"
                            + " localhost:9092 --registry.url http://localhost:8085)");
        }
        ToolArgs.Split split = ARGS.split(Arrays.copyOfRange(args, 1, args.length));
        Configuration own =
                CliOptions.parse(
                        "run " + AnalyticsJob.NAME,
                        ARGS,
                        split.ownArgs(),
                        List.of(CliOptions.FLINK_PORT, CliOptions.METRICS_PORT));
        String checkpointDir =
                own.getOptional(CHECKPOINT_DIR)
                        .orElseGet(
                                () ->
                                        CliOptions.dataDir(own)
                                                .resolve(DataDirs.CHECKPOINTS)
                                                .resolve(AnalyticsJob.NAME)
                                                .toUri()
                                                .toString());
        List<String> jobArgs = new ArrayList<>(split.rest());
        jobArgs.addAll(List.of("--" + CHECKPOINT_DIR.key(), checkpointDir));
        return new Settings(own, checkpointDir, jobArgs);
    }

    static int run(String[] args, Console out) throws Exception {
        Settings s = settings(args);
        Path dataDir = CliOptions.dataDir(s.own());
        int flinkPort = s.own().get(CliOptions.FLINK_PORT);
        int metricsPort = s.own().get(CliOptions.METRICS_PORT);
        AnalyticsConfig config;
        try {
            config =
                    AnalyticsConfig.fromArgs(
                            CheckpointResume.apply(
                                            s.jobArgs(),
                                            s.checkpointDir(),
                                            s.own().get(CliOptions.FRESH),
                                            false,
                                            out::line)
                                    .toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CliException("run analytics: " + e.getMessage());
        }
        Ports.requireFree("127.0.0.1", flinkPort, "Flink web UI", CliOptions.FLINK_PORT);
        Ports.requireFree(
                "127.0.0.1", metricsPort, "Flink Prometheus reporter", CliOptions.METRICS_PORT);
        Files.createDirectories(dataDir.resolve(DataDirs.TMP));
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting Flink (MiniCluster)");
        try (LocalFlink flink =
                LocalFlink.start(
                        "127.0.0.1", flinkPort, metricsPort, 4, dataDir.resolve(DataDirs.TMP))) {
            out.step("Submitting the " + AnalyticsJob.NAME + " job");
            JobClient job = AnalyticsJob.submit(flink.environment(), config);
            out.line("Flink web UI:     " + flink.url());
            out.line("Prometheus:       http://127.0.0.1:" + metricsPort + "/metrics");
            out.line("Job:              " + job.getJobID());
            out.ready("Running; press Ctrl-C to stop.");
            while (!shutdown.await(1000)) {
                JobStatus status = job.getJobStatus().get();
                if (status.isGloballyTerminalState()) {
                    out.line("The job ended: " + status);
                    return status == JobStatus.FINISHED ? 0 : 1;
                }
            }
            out.step("Stopping");
            job.cancel().get();
        }
        return 0;
    }
}
