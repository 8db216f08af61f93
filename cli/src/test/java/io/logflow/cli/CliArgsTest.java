package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliArgsTest {

    @TempDir Path dir;

    @Test
    void takenPortIsReportedByNameAndFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(
                            () ->
                                    Ports.requireFree(
                                            "127.0.0.1", port, "Kafka", DemoSettings.KAFKA_PORT))
                    .isInstanceOf(CliException.class)
                    .hasMessage(
                            "Port "
                                    + port
                                    + " (Kafka) is already in use on 127.0.0.1: stop what holds"
                                    + " it, or choose another with --kafka-port <port>");
        }
    }

    @Test
    void helpAndUnknownCommands() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console out = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(LogFlowCli.run(new String[] {"help"}, out)).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("demo", "run <job>", "generate", "kafka", "registry");
        assertThatThrownBy(() -> LogFlowCli.run(new String[] {"demoo"}, out))
                .hasMessageContaining("unknown command 'demoo'");
        assertThatThrownBy(() -> LogFlowCli.run(new String[] {"run", "nope"}, out))
                .hasMessageContaining("available: analytics");
        assertThat(Help.text("generate"))
                .startsWith("Usage: bin/logflow generate [--key value]...\n")
                .contains("\n  --kafka VALUE                  Kafka host:port. Required.\n");
        assertThat(Help.text("kafka"))
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: bin/logflow kafka [--key value]...",
                                "  --port N          Port to serve on. Default: 9092.",
                                "  --data-dir VALUE  Where data and log files go. Default:"
                                        + " .logflow.",
                                "  --host VALUE      Address to bind. Default: 127.0.0.1."));
    }

    @Test
    void serviceCommandsNameABadFlagBeforeStartingAnything() {
        Console out = new Console(new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(() -> ServiceCommands.kafka(new String[] {"--prot", "1"}, out))
                .isInstanceOf(CliException.class)
                .hasMessage("kafka: Unknown option 'prot'. Known options: data-dir, host, port");
        assertThatThrownBy(() -> ServiceCommands.registry(new String[] {"--port", "70000"}, out))
                .hasMessage(
                        "registry: Invalid value for 'port': '70000'; expected a port number"
                                + " 0-65535");
        assertThatThrownBy(
                        () -> ServiceCommands.dashboard(new String[] {"--lookback", "long"}, out))
                .hasMessage(
                        "dashboard: Invalid value for 'lookback': 'long'; expected a duration such"
                                + " as 500ms, 30s or 5m");
    }

    @Test
    void demoFlagsAreConfigOptionsWithTheirDefaults() {
        DemoSettings d =
                DemoSettings.from(
                        CliOptions.parse("demo", DemoCommand.ARGS, new String[0], List.of()));
        assertThat(
                        List.of(
                                d.kafkaPort(),
                                d.registryPort(),
                                d.flinkPort(),
                                d.dashboardPort(),
                                d.metricsPort()))
                .containsExactly(9092, 8085, 8081, 8088, 9249);
        assertThat(d.dataDir()).isEqualTo(Path.of(".logflow").toAbsolutePath());
        assertThat(List.of(d.rate(), d.seed(), d.windows()))
                .containsExactly(500.0, 42L, "tumbling:10s");
        DemoSettings set =
                DemoSettings.from(
                        CliOptions.parse(
                                "demo",
                                DemoCommand.ARGS,
                                new String[] {
                                    "--kafka-port", "9093", "--rate=250", "--window", "tumbling:2s"
                                },
                                List.of()));
        assertThat(List.of(set.kafkaPort(), set.rate(), set.windows()))
                .containsExactly(9093, 250.0, "tumbling:2s");
        assertThat(Help.text("demo"))
                .startsWith("Usage: bin/logflow demo [--key value]...\n")
                .contains("\n  --kafka-port N            Kafka port. Default: 9092.\n")
                .contains(
                        "\n"
                            + "  --window VALUE            The job's window definitions. Default:"
                            + " tumbling:10s.\n")
                .contains(
                        "\n"
                                + "  --fresh                   Start over, not from the last run's"
                                + " checkpoint;");
    }

    @Test
    void everyCommandNamesABadFlagBeforeStartingAnything() {
        assertError(
                "demo: Unknown option 'kafkaport'. Known options: alertmanager-url, dashboard-port,"
                        + " data-dir, flink-port, fresh, kafka-port, metrics-port, notifier-config,"
                        + " rate, registry-port, seed, slack-url, webhook-url, window",
                DemoCommand::run,
                "--kafkaport",
                "1");
        assertError(
                "demo: Invalid value for 'rate': 'fast'; expected a number",
                DemoCommand::run,
                "--rate",
                "fast");
        assertError(
                "demo: Invalid value for 'dashboard-port': '70000'; expected a port number 0-65535",
                DemoCommand::run,
                "--dashboard-port",
                "70000");
        assertError("demo: Option 'window' needs a value", DemoCommand::run, "--window");
        assertError(
                "run analytics: Invalid value for 'flink-port': 'x'; expected a whole number",
                RunCommand::run,
                "analytics",
                "--flink-port",
                "x");
        assertError(
                "chaos: Unknown option 'event'. Known options: data-dir, events, outage, rate,"
                        + " rounds",
                ChaosCommand::run,
                "--event",
                "5");
        assertError(
                "chaos: Invalid value for 'events': '5'; expected at least 1000",
                ChaosCommand::run,
                "--events",
                "5");
        assertError(
                "chaos: Invalid value for 'rounds': '0'; expected at least 1",
                ChaosCommand::run,
                "--rounds",
                "0");
        assertError(
                "chaos: Invalid value for 'outage': '10'; expected at least 1s",
                ChaosCommand::run,
                "--outage",
                "10");
        assertError(
                "chaos: Invalid value for 'rate': 'x'; expected a whole number",
                ChaosCommand::run,
                "--rate",
                "x");
    }

    @Test
    void clusterActionsEachTakeTheirOwnFlags() {
        assertError("cluster: say start, stop, status, submit or stop-job", ClusterCommand::run);
        assertError(
                "cluster: unknown action 'begin'; use start, stop, status, submit or stop-job",
                ClusterCommand::run,
                "begin");
        assertError(
                "cluster start: Unknown option 'jar'. Known options: data-dir, port, rpc-port",
                ClusterCommand::run,
                "start",
                "--jar",
                "x.jar");
        assertError(
                "cluster start: Invalid value for 'rpc-port': '-1'; expected a port number 0-65535",
                ClusterCommand::run,
                "start",
                "--rpc-port",
                "-1");
        assertError(
                "cluster submit: Invalid value for 'parallelism': 'two'; expected a number",
                ClusterCommand::run,
                "submit",
                "--parallelism",
                "two",
                "--",
                "analytics");
        assertError(
                "cluster stop-job: give the job id first",
                ClusterCommand::run,
                "stop-job",
                "--savepoint-dir",
                "/tmp");
        assertThat(Help.text("cluster"))
                .startsWith(
                        "Usage: bin/logflow cluster start [--key value]...\n"
                            + "  --port N          Flink web UI and REST port. Default: 8081.\n")
                .contains("\nUsage: bin/logflow cluster submit [--key value]...\n  --jar VALUE ")
                .contains(
                        "\n"
                                + "  -- JOB [job options]    Last: the job to run and its options."
                                + " Default: analytics.\n")
                .contains("\nUsage: bin/logflow cluster stop-job JOB_ID [--key value]...\n")
                .endsWith(
                        "\n"
                                + "Usage: bin/logflow cluster stop [--key value]...\n"
                                + "  --data-dir VALUE  Where data and log files go. Default:"
                                + " .logflow.");
    }

    @Test
    void generatedUsageListsEachFlagWithItsDefault() {
        assertThat(Help.text("chaos"))
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: bin/logflow chaos [--key value]...",
                                "  --events N         Events produced. Default: 1000000.",
                                "  --rate N           Events per second, steady. Default: 5000.",
                                "  --rounds N         Each fault this many times: TaskManager kill"
                                    + " -9, broker restart, stop-with-savepoint + resubmit at the"
                                    + " other parallelism. Default: 2.",
                                "  --outage DURATION  How long the broker stays down. Default:"
                                        + " 10s.",
                                "  --data-dir VALUE   Where data and log files go. Default:"
                                        + " .logflow.",
                                "Its own broker, registry and standalone cluster on free ports;"
                                        + " files under <data-dir>/chaos."));
        assertThat(Help.text("patterns"))
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: bin/logflow patterns FILE [--key value]...",
                                "  --out VALUE     Write the CSV to this file instead of standard"
                                        + " output.",
                                "  --format VALUE  lines, loghub-csv or auto: the Content column of"
                                        + " a Loghub structured CSV, else one message per line."
                                        + " Default: auto.",
                                "Mines templates with the job's miner and default settings; writes"
                                        + " CSV line,template_id,template"));
        assertThat(Help.text("notify"))
                .startsWith("Usage: bin/logflow notify [--key value]...\n  --config VALUE ")
                .contains(
                        "\n  --kafka VALUE             Kafka host:port. Default: 127.0.0.1:9092.\n")
                .contains("\n  --slack-url VALUE         Add a Slack incoming-webhook receiver.\n");
        assertThat(Help.text("run"))
                .startsWith("Usage: bin/logflow run analytics [--key value]...\n")
                .contains(
                        "\n"
                            + "  --metrics-port N                     Flink's Prometheus reporter"
                            + " port. Default: 9249.\n")
                .contains("\n  --execution.checkpointing.dir VALUE  Where the job checkpoints,")
                .contains(
                        "\nAny other option is the analytics job's:\n"
                                + "  --kafka.bootstrap-servers VALUE ");
    }

    @Test
    void helpOrHAnywhereAfterACommandPrintsWhatHelpPrintsAndStartsNothing() throws Exception {
        Path dataDir = dir.resolve("never-made");
        for (String command : Help.COMMANDS) {
            String help = output("help", command);
            assertThat(help)
                    .as(command)
                    .startsWith("Usage: bin/logflow " + command + " ")
                    .isEqualTo(Help.text(command) + "\n");
            assertThat(output(command, "--help")).as(command).isEqualTo(help);
            assertThat(output(command, "-h")).as(command).isEqualTo(help);
            assertThat(output(command, "--data-dir", dataDir.toString(), "--help"))
                    .as(command)
                    .isEqualTo(help);
        }
        assertThat(dataDir).as("no log directory for a usage").doesNotExist();
        assertThat(output("run", "analytics", "--kafka.bootstrap-servers", "k:1", "-h"))
                .isEqualTo(output("help", "run"));
        assertThat(output("patterns", "app.log", "--format", "lines", "--help"))
                .isEqualTo(output("help", "patterns"));
    }

    @Test
    void clusterActionHelpIsThatActionsUsage() throws Exception {
        String all = output("help", "cluster");
        for (String action : List.of("start", "submit", "stop-job", "status", "stop")) {
            String help = output("help", "cluster", action);
            assertThat(help)
                    .as(action)
                    .startsWith("Usage: bin/logflow cluster " + action + " ")
                    .isNotEqualTo(all);
            assertThat(all).contains(help);
            assertThat(output("cluster", action, "--help")).as(action).isEqualTo(help);
        }
        assertThat(output("cluster", "status", "-h"))
                .isEqualTo(
                        "Usage: bin/logflow cluster status [--key value]...\n"
                                + "  --data-dir VALUE  Where data and log files go. Default:"
                                + " .logflow.\n");
        assertThat(output("cluster", "submit", "--rest", "--", "analytics", "--help"))
                .startsWith("Usage: bin/logflow cluster submit [--key value]...\n")
                .endsWith(
                        "\n  -- JOB [job options]    Last: the job to run and its options."
                                + " Default: analytics.\n");
        assertThat(output("cluster", "stop-job", "a1b2", "--help"))
                .startsWith("Usage: bin/logflow cluster stop-job JOB_ID [--key value]...\n")
                .endsWith("\n  Stops the job with a savepoint, for upgrades.\n");
        assertThat(output("cluster", "--help")).isEqualTo(all);
        assertThat(output("cluster", "restart", "--help")).isEqualTo(all);
    }

    @Test
    void anOptionThatOnlyLooksLikeHelpIsStillUnknown() {
        Console out = new Console(new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(
                        () -> LogFlowCli.run(new String[] {"patterns", "app.log", "--helpme"}, out))
                .isInstanceOf(CliException.class)
                .hasMessage("patterns: Unknown option 'helpme'. Known options: format, out");
    }

    private static String output(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console out = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(LogFlowCli.run(args, out)).as(String.join(" ", args)).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface Command {
        int run(String[] args, Console out) throws Exception;
    }

    private static void assertError(String message, Command command, String... args) {
        Console out = new Console(new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(() -> command.run(args, out))
                .isInstanceOf(CliException.class)
                .hasMessage(message);
    }
}
