package io.logflow.cli;

import io.logflow.devstack.generator.GeneratorMain;
import java.util.List;

/** The text of {@code bin/logflow help [command]}. */
final class Help {

    /** The commands with a usage of their own, shown by help and by their own --help or -h. */
    static final List<String> COMMANDS =
            List.of(
                    "demo",
                    "run",
                    "generate",
                    "kafka",
                    "registry",
                    "dashboard",
                    "notify",
                    "cluster",
                    "chaos",
                    "patterns");

    private Help() {}

    /**
     * The usage of {@code command}, or the overview when it is null; {@code args} are what follow
     * the command, of which cluster's first names the action whose usage to show.
     */
    static String text(String command, String... args) {
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
                    "  help [command]  a command's options; so does bin/logflow <command> --help",
                    "",
                    "Everything stops cleanly on Ctrl-C. Logs go to <data-dir>/logs/logflow.log.");
        }
        switch (command) {
            case "demo":
                return DemoCommand.ARGS.usage();
            case "run":
                return RunCommand.usage();
            case "kafka":
                return ServiceCommands.KAFKA_ARGS.usage();
            case "registry":
                return ServiceCommands.REGISTRY_ARGS.usage();
            case "dashboard":
                return ServiceCommands.DASHBOARD_ARGS.usage();
            case "notify":
                return NotifyCommand.ARGS.usage();
            case "cluster":
                return ClusterCommand.usage(args.length > 0 ? args[0] : null);
            case "patterns":
                return PatternsCommand.usage();
            case "chaos":
                return ChaosCommand.usage();
            case "generate":
                return GeneratorMain.usage();
            default:
                return "No help for '" + command + "'; commands: " + String.join(", ", COMMANDS);
        }
    }
}
