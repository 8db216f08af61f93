package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.devstack.generator.GeneratorMain;

/** The text of {@code bin/logflow help [command]}. */
final class Help {

    private Help() {}

    static String text(String command) {
        if (command == null) {
            return String.join(
                    "\n",
                    "Usage: bin/logflow <command> [options]",
                    "",
                    "Commands:",
                    "  demo       Kafka + schema registry + log generator + analytics job, all"
                            + " local",
                    "  run <job>  run a LogFlow job (analytics) on a local Flink against any Kafka",
                    "  generate   send realistic synthetic logs to Kafka",
                    "  kafka      start only the embedded Kafka broker",
                    "  registry   start only the dev schema registry",
                    "  dashboard  the live dashboard on any Kafka's log-metrics",
                    "  notify     deliver log-alerts to Alertmanager, webhooks and Slack",
                    "  cluster    start|stop|status|submit|stop-job: a real standalone Flink"
                            + " cluster here",
                    "  patterns   mine log templates from a file: one CSV row per message",
                    "  chaos      exactly-once under faults: TaskManager kills, broker restarts,"
                            + " rescales",
                    "  bench      benchmarks: LogFlow vs the input ceiling and a Kafka Streams peer"
                            + " (bin/logflow bench --help)",
                    "  build      (re)build LogFlow",
                    "  help [command]",
                    "",
                    "Everything stops cleanly on Ctrl-C. Logs go to <data-dir>/logs/logflow.log.");
        }
        switch (command) {
            case "demo":
                return String.join(
                        "\n",
                        "Usage: bin/logflow demo [options]",
                        "  --data-dir DIR        where everything lives (default .logflow)",
                        "  --fresh               wipe the data directory first (else the job"
                                + " resumes from its last checkpoint)",
                        "  --kafka-port N        default " + Defaults.KAFKA_PORT,
                        "  --registry-port N     default " + Defaults.REGISTRY_PORT,
                        "  --flink-port N        Flink web UI, default " + Defaults.FLINK_PORT,
                        "  --dashboard-port N    default " + Defaults.DASHBOARD_PORT,
                        "  --metrics-port N      Flink's Prometheus reporter, default "
                                + Defaults.FLINK_METRICS_PORT,
                        "  --rate N              generated events per second (default 500)",
                        "  --window SPEC         window definitions (default tumbling:10s)",
                        "  --seed N              generator seed (default 42)",
                        "  --alertmanager-url U  also run the notifier, delivering alerts there"
                                + " (or --webhook-url, --slack-url, --notifier-config FILE)");
            case "run":
                return String.join(
                        "\n",
                        "Usage: bin/logflow run analytics [--flink-port N] [--metrics-port N]"
                                + " [--data-dir DIR] [--fresh] [job options]",
                        "Flink's web UI on 127.0.0.1:"
                                + Defaults.FLINK_PORT
                                + ", its Prometheus reporter on 127.0.0.1:"
                                + Defaults.FLINK_METRICS_PORT
                                + "/metrics by default.",
                        "Resumes from the last run's newest checkpoint (under"
                            + " <data-dir>/checkpoints or --execution.checkpointing.dir); --fresh"
                            + " starts without it.",
                        "Job options are the analytics job's (see README), e.g.",
                        "  --kafka.bootstrap-servers host:9092 --registry.url http://host:8085",
                        "  --input.topics logs --windows 'tumbling:1m;sliding:5m/1m'");
            case "kafka":
                return ServiceCommands.KAFKA_ARGS.usage();
            case "registry":
                return ServiceCommands.REGISTRY_ARGS.usage();
            case "cluster":
                return String.join(
                        "\n",
                        "Usage: bin/logflow cluster start [--port 8081] [--rpc-port 6123]"
                                + " [--data-dir .logflow]",
                        "       bin/logflow cluster submit [--jar JAR] [--rest] [--parallelism N]"
                                + " [--from-savepoint PATH] -- analytics [job options]",
                        "         (--rest: upload the jar and run it through the REST API"
                                + " instead of flink run)",
                        "       bin/logflow cluster stop-job JOB_ID [--savepoint-dir DIR]"
                                + "   (stop with a savepoint, for upgrades)",
                        "       bin/logflow cluster status | stop");
            case "dashboard":
                return ServiceCommands.DASHBOARD_ARGS.usage();
            case "patterns":
                return String.join(
                        "\n",
                        "Usage: bin/logflow patterns <file> [--out file.csv] [--format"
                                + " lines|loghub-csv|auto]",
                        "Mines templates with the job's miner and default settings; writes CSV"
                                + " line,template_id,template",
                        "  --format auto (default) reads the Content column of a Loghub"
                                + " structured CSV, else one message per line");
            case "chaos":
                return ChaosCommand.USAGE;
            case "notify":
                return NotifyCommand.USAGE;
            case "generate":
                return GeneratorMain.usage();
            default:
                return "No help for '"
                        + command
                        + "'; commands: demo, run, generate, kafka,"
                        + " registry, dashboard, notify, cluster, chaos, patterns";
        }
    }
}
