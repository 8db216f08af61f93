package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/**
 * {@code run <job> [job options]}: runs a LogFlow job on a local MiniCluster (web UI included)
 * against any Kafka and registry, e.g. the user's own.
 */
final class RunCommand {

    private static final String CHECKPOINT_DIR = "--execution.checkpointing.dir";

    private RunCommand() {}

    static int run(String[] args, Console out) throws Exception {
        if (args.length == 0 || !args[0].equals(AnalyticsJob.NAME)) {
            throw new CliException(
                    "run: name a job; available: "
                            + AnalyticsJob.NAME
                            + " (e.g. bin/logflow run analytics --kafka.bootstrap-servers"
                            + " localhost:9092 --registry.url http://localhost:8085)");
        }
        List<String> jobArgs = new ArrayList<>();
        int flinkPort = Defaults.FLINK_PORT;
        int metricsPort = Defaults.FLINK_METRICS_PORT;
        Path dataDir = Path.of(Defaults.DATA_DIR).toAbsolutePath();
        String checkpointDir = null;
        boolean fresh = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--flink-port") && i + 1 < args.length) {
                flinkPort = port("--flink-port", args[++i]);
            } else if (a.equals("--metrics-port") && i + 1 < args.length) {
                metricsPort = port("--metrics-port", args[++i]);
            } else if (a.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]).toAbsolutePath();
            } else if (a.equals("--fresh")) {
                fresh = true;
            } else if (a.equals(CHECKPOINT_DIR) && i + 1 < args.length) {
                checkpointDir = args[++i];
            } else if (a.startsWith(CHECKPOINT_DIR + "=")) {
                checkpointDir = a.substring(CHECKPOINT_DIR.length() + 1);
            } else {
                jobArgs.add(a);
            }
        }
        if (checkpointDir == null) {
            checkpointDir =
                    dataDir.resolve(DataDirs.CHECKPOINTS)
                            .resolve(AnalyticsJob.NAME)
                            .toUri()
                            .toString();
        }
        jobArgs.addAll(List.of(CHECKPOINT_DIR, checkpointDir));
        AnalyticsConfig config;
        try {
            config =
                    AnalyticsConfig.fromArgs(
                            CheckpointResume.apply(jobArgs, checkpointDir, fresh, false, out::line)
                                    .toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CliException("run analytics: " + e.getMessage());
        }
        Ports.requireFree("127.0.0.1", flinkPort, "Flink web UI", "--flink-port");
        Ports.requireFree("127.0.0.1", metricsPort, "Flink Prometheus reporter", "--metrics-port");
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

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Named below.
        }
        throw new CliException(
                "run analytics: " + flag + " needs a port 1-65535, got '" + value + "'");
    }
}
