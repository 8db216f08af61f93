package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.devstack.generator.GeneratorReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** {@code demo}: the whole pipeline on this machine, until Ctrl-C. */
final class DemoCommand {

    private static final Set<String> OUR_DIRS =
            Set.of("kafka", "checkpoints", "output", "logs", "tmp");

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
                                "rate",
                                "window",
                                "seed"),
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
                        a.number("rate", d.rate()),
                        0,
                        0,
                        (long) a.number("seed", d.seed()),
                        d.malformedShare(),
                        d.lateShare(),
                        a.get("window", d.windows()),
                        d.checkpointInterval(),
                        d.incidents());
        if (a.flag("fresh")) {
            wipe(data);
        }
        Shutdown shutdown = Shutdown.onSignals();
        out.info("LogFlow demo (data in " + data + ", logs in " + data.resolve("logs") + ")");
        try (DemoStack stack = new DemoStack(settings)) {
            stack.start(out::step);
            out.info("");
            out.line("Kafka bootstrap:  " + stack.kafkaBootstrap());
            out.line("Schema registry:  " + stack.registryUrl());
            out.line("Flink web UI:     " + stack.flinkUrl());
            out.line("Dashboard:        " + stack.dashboardUrl());
            out.line("Result files:     " + stack.outputDir());
            out.line(
                    "Topics:           logs -> log-metrics, log-patterns, log-alerts, logs-dlq,"
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

    /** Deletes the data directory, refusing if it holds anything LogFlow did not create. */
    private static void wipe(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> children = Files.list(data)) {
            for (Path child : children.toList()) {
                if (!OUR_DIRS.contains(child.getFileName().toString())) {
                    throw new CliException(
                            "--fresh: "
                                    + data
                                    + " holds "
                                    + child.getFileName()
                                    + ", which LogFlow did not create; not deleting it");
                }
            }
        }
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
