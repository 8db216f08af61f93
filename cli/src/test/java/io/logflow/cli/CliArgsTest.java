package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    @Test
    void parsesValuesSwitchesAndEqualsForm() {
        CliArgs a =
                CliArgs.parse(
                        "demo",
                        new String[] {"--kafka-port", "9093", "--fresh", "--rate=250"},
                        Set.of("kafka-port", "rate"),
                        Set.of("fresh"));
        assertThat(a.port("kafka-port", 1)).isEqualTo(9093);
        assertThat(a.flag("fresh")).isTrue();
        assertThat(a.number("rate", 0)).isEqualTo(250.0);
        assertThat(a.port("registry-port", 8085)).isEqualTo(8085);
    }

    @Test
    void wrongFlagsAreNamed() {
        assertThatThrownBy(
                        () ->
                                CliArgs.parse(
                                        "demo",
                                        new String[] {"--kafkaport", "1"},
                                        Set.of(),
                                        Set.of()))
                .hasMessageContaining("unknown option --kafkaport")
                .hasMessageContaining("help demo");
        assertThatThrownBy(
                        () ->
                                CliArgs.parse(
                                                "demo",
                                                new String[] {"--kafka-port", "x"},
                                                Set.of("kafka-port"),
                                                Set.of())
                                        .port("kafka-port", 1))
                .hasMessageContaining("--kafka-port needs a port number");
        assertThatThrownBy(
                        () ->
                                CliArgs.parse(
                                        "demo", new String[] {"--rate"}, Set.of("rate"), Set.of()))
                .hasMessageContaining("--rate needs a value");
    }

    @Test
    void takenPortIsReportedByNameAndFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", port, "Kafka", "--kafka-port"))
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
}
