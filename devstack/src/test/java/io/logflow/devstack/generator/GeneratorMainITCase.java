package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start-up and the command line against a real broker and registry: output, one-line errors. */
class GeneratorMainITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    @Test
    void commandLineSendsTheCountAndPrintsASummary() {
        String topic = KAFKA.createTopic("logs", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                GeneratorMain.run(
                        new String[] {
                            "--kafka",
                            KAFKA.bootstrapServers(),
                            "--registry",
                            REGISTRY.url(),
                            "--topic",
                            topic,
                            "--rate",
                            "1000",
                            "--count",
                            "6000",
                            "--seed",
                            "3",
                            "--malformed",
                            "0.01",
                            "--late",
                            "0.005",
                            "--v2",
                            "0.2",
                            "--incident",
                            "spike:payments@1s+2s"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false);

        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(stderr).isZero();
        assertThat(stdout).startsWith("Sent 6,000 records").contains("failed 0", "by service:");
        assertThat(stderr).contains("generator: topic=" + topic).contains("generator: sent ");
        assertThat(KAFKA.read(topic, 6000, Duration.ofSeconds(60))).hasSize(6000);
    }

    @Test
    void commandLineReportsAnUnreachableRegistryOnOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                GeneratorMain.run(
                        new String[] {
                            "--kafka", KAFKA.bootstrapServers(), "--registry", "http://127.0.0.1:1",
                            "--topic", KAFKA.createTopic("logs", 1), "--count", "5"
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        false);

        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(code).isEqualTo(1);
        assertThat(lines[lines.length - 1])
                .startsWith("generator: ")
                .contains("Schema registry unreachable at [http://127.0.0.1:1]");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void anUnreachableRegistryFailsBeforeSendingWithOneLine() {
        String topic = KAFKA.createTopic("logs", 1);
        LogGenerator generator =
                LogGenerator.builder()
                        .bootstrapServers(KAFKA.bootstrapServers())
                        .registry(
                                RegistryClientConfig.builder("http://127.0.0.1:1")
                                        .maxAttempts(1)
                                        .build())
                        .topic(topic)
                        .count(10)
                        .build();

        assertThatThrownBy(generator::run)
                .isInstanceOf(GeneratorException.class)
                .hasMessageContaining("Schema registry unreachable at [http://127.0.0.1:1]")
                .hasMessageContaining("subject " + topic + "-value")
                .hasMessageNotContaining("\n");
        assertThat(KAFKA.read(topic, 1, Duration.ofSeconds(1))).isEmpty();
    }
}
