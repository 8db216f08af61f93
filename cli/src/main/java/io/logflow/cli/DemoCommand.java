package io.logflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.devstack.generator.GeneratorReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** {@code demo}: the whole pipeline on this machine, until Ctrl-C. */
final class DemoCommand {

    static final ConfigOption<String> NOTIFIER_CONFIG =
            CliOptions.text(
                    "notifier-config",
                    "Also run the notifier with this notifier.yaml (or with only a"
                            + " receiver flag).");

    static final ToolArgs ARGS =
            ToolArgs.of(
                    "bin/logflow demo",
                    CliOptions.DATA_DIR,
                    CliOptions.FRESH,
                    DemoSettings.KAFKA_PORT,
                    DemoSettings.REGISTRY_PORT,
                    CliOptions.FLINK_PORT,
                    DemoSettings.DASHBOARD_PORT,
                    CliOptions.METRICS_PORT,
                    DemoSettings.RATE,
                    DemoSettings.WINDOW,
                    DemoSettings.SEED,
                    NOTIFIER_CONFIG,
                    NotifyCommand.ALERTMANAGER_URL,
                    NotifyCommand.WEBHOOK_URL,
                    NotifyCommand.SLACK_URL);

    private DemoCommand() {}

    static int run(String[] args, Console out) throws Exception {
        Configuration a = CliOptions.parse("demo", ARGS, args, DemoSettings.PORTS);
        DemoSettings settings = DemoSettings.from(a);
        Path data = settings.dataDir();
        // Checked before anything starts: a bad notifier config is a one-line error.
        ObjectNode notifier =
                NotifyCommand.wanted(a, NOTIFIER_CONFIG)
                        ? NotifyCommand.tree(a, NOTIFIER_CONFIG)
                        : null;
        if (notifier != null) {
            NotifyCommand.read("demo", notifier.deepCopy());
        }
        if (a.get(CliOptions.FRESH)) {
            for (String kept : wipe(data)) {
                out.info("--fresh: kept " + kept + " in " + data);
            }
        }
        Shutdown shutdown = Shutdown.onSignals();
        out.info(
                "LogFlow demo (data in " + data + ", logs in " + data.resolve(DataDirs.LOGS) + ")");
        try (DemoStack stack = new DemoStack(settings).notifier(notifier)) {
            stack.start(out::step);
            out.info("");
            out.line("Kafka bootstrap:  " + stack.kafkaBootstrap());
            out.line("Schema registry:  " + stack.registryUrl());
            out.line("Flink web UI:     " + stack.flinkUrl());
            out.line("Dashboard:        " + stack.dashboardUrl());
            if (stack.notifierReceivers() != null) {
                out.line("Alerts delivered: " + stack.notifierReceivers());
            }
            out.line(
                    "Prometheus:       "
                            + stack.flinkMetricsUrl()
                            + " (Flink), "
                            + stack.dashboardUrl()
                            + "/metrics (log metrics)");
            out.line("Result files:     " + stack.outputDir());
            out.line(
                    "Topics:           logs (Avro) + "
                            + DemoStack.GATEWAY_TOPIC
                            + " (nginx lines) -> log-metrics, log-patterns, log-alerts, logs-dlq,"
                            + " logs-late");
            out.ready("LogFlow demo is running. Window results appear below; Ctrl-C stops.");
            try (ResultsTicker ticker =
                            ResultsTicker.start(stack.kafkaBootstrap(), stack.registryUrl(), out);
                    JobWatcher watcher = JobWatcher.start(stack::analyticsSnapshot, out::line)) {
                shutdown.await();
            }
            out.info("");
            out.step("Stopping");
            GeneratorReport sent = stack.stopGenerator();
            out.line("Generator sent " + sent.totalRecords() + " records");
        }
        out.info("Stopped.");
        return 0;
    }

    /**
     * Deletes what LogFlow created in the data directory, refusing if it holds anything else; a
     * running {@code bin/logflow cluster}'s directory is left alone. Returns what was kept.
     */
    static List<String> wipe(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        List<Path> delete = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        try (Stream<Path> children = Files.list(data)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!DataDirs.ALL.contains(name)) {
                    throw new CliException(
                            "--fresh: "
                                    + data
                                    + " holds "
                                    + name
                                    + ", which LogFlow did not create; not deleting it");
                }
                if (name.equals(DataDirs.CLUSTER) && LocalCluster.runningFrom(child)) {
                    kept.add(name + " (a running cluster; bin/logflow cluster stop ends it)");
                } else {
                    delete.add(child);
                }
            }
        }
        for (Path child : delete) {
            DataDirs.delete(child);
        }
        if (kept.isEmpty()) {
            Files.delete(data);
        }
        return kept;
    }
}
