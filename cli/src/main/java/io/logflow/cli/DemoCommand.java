package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.devstack.generator.GeneratorReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code demo}: the whole pipeline on this machine, until Ctrl-C. */
final class DemoCommand {

    private DemoCommand() {}

    static int run(String[] args, Console out) throws Exception {
        CliArgs a =
                CliArgs.parse(
                        "demo",
                        args,
                        Set.of(
                                "data-dir",
                                "kafka-port",
                                "registry-port",
                                "flink-port",
                                "dashboard-port",
                                "metrics-port",
                                "rate",
                                "window",
                                "seed",
                                "notifier-config",
                                "alertmanager-url",
                                "webhook-url",
                                "slack-url"),
                        Set.of("fresh"));
        Path data = a.path("data-dir", Defaults.DATA_DIR);
        DemoSettings d = DemoSettings.defaults(data);
        DemoSettings settings =
                new DemoSettings(
                        data,
                        d.host(),
                        a.port("kafka-port", d.kafkaPort()),
                        a.port("registry-port", d.registryPort()),
                        a.port("flink-port", d.flinkPort()),
                        a.port("dashboard-port", d.dashboardPort()),
                        a.port("metrics-port", d.metricsPort()),
                        a.number("rate", d.rate()),
                        0,
                        0,
                        (long) a.number("seed", d.seed()),
                        d.malformedShare(),
                        d.lateShare(),
                        a.get("window", d.windows()),
                        d.checkpointInterval(),
                        d.incidents());
        // Checked before anything starts: a bad notifier config is a one-line error.
        com.fasterxml.jackson.databind.node.ObjectNode notifier =
                NotifyCommand.tree(a, "notifier-config");
        if (notifier != null) {
            NotifyCommand.read("demo", notifier.deepCopy());
        }
        if (a.flag("fresh")) {
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
