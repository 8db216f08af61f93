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
    }
}
