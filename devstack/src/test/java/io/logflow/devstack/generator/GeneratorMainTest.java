package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line parsing and the errors it reports, without Kafka. */
class GeneratorMainTest {

    private static final String[] REQUIRED = {
        "--kafka", "localhost:9092", "--registry", "http://localhost:8085"
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesEveryOption() {
        LogGeneratorBuilder b =
                GeneratorArgs.parse(
                        args(
                                "--topic",
                                "t",
                                "--rate",
                                "0",
                                "--event-rate",
                                "500",
                                "--count",
                                "10_000",
                                "--seed",
                                "7",
                                "--malformed",
                                "0.01",
                                "--late",
                                "0.005",
                                "--late-by",
                                "2m",
                                "--skew",
                                "2s",
                                "--v2",
                                "0.2",
                                "--incident",
                                "spike:payments@60s+120s",
                                "--incident",
                                "silence:auth@90s+60s",
                                "--services",
                                "payments,auth",
                                "--hosts",
                                "2",
                                "--start",
                                "2026-01-01T00:00:00Z",
                                "--linger-ms",
                                "5",
                                "--batch-size",
                                "65536",
                                "--connect-timeout",
                                "3s"));
        LogGenerator generator = b.build();

        assertThat(b.count).isEqualTo(10_000);
        assertThat(b.effectiveEventTimeRate()).isEqualTo(500);
        assertThat(b.producerProperties)
                .containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "65536");
        TrafficConfig traffic = generator.model().config();
        assertThat(traffic.seed()).isEqualTo(7);
        assertThat(traffic.services()).containsExactly("payments", "auth");
        assertThat(traffic.incidents()).hasSize(2);
        assertThat(traffic.maxOutOfOrderMillis()).isEqualTo(2000);
        assertThat(traffic.lateByMillis()).isEqualTo(120_000);
        assertThat(generator.describe()).contains("topic=t", "rate=unlimited", "v2Share=0.2");
    }

    @Test
    void badArgumentsNameTheFlagOnOneLineAndExitWith2() {
        assertError(args("--rate", "fast"), "Option --rate: needs a number, got 'fast'");
        assertError(
                args("--malformed", "2"), "Option --malformed: must be a share between 0 and 1");
        assertError(
                args("--incident", "spike:payments"),
                "Option --incident: Incident 'spike:payments' has no '@<start>'");
        assertError(args("--skew", "abit"), "Option --skew: Invalid duration 'abit'");
        assertError(args("--start", "yesterday"), "Option --start: needs an ISO instant");
        assertError(args("--colour", "red"), "Unknown option --colour");
        assertError(args("--count"), "Option --count needs a value");
        assertError(
                new String[] {"--registry", "http://localhost:8085"},
                "Missing required option --kafka");
        assertError(
                new String[] {"--kafka", "localhost:9092"}, "Missing required option --registry");
        assertError(
                new String[] {"--kafka", "k:1", "--registry", "ftp://x"},
                "Option --registry: Schema registry URL 'ftp://x' must start with http");
        assertError(
                args("--malformed", "0.7", "--v2", "0.7"), "malformedShare + v2Share must be <= 1");
        assertError(args("--incident", "spike:billing@1s"), "unknown service 'billing'");
    }

    @Test
    void unreachableKafkaIsOneLineWithoutAStackTrace() {
        int code =
                GeneratorMain.run(
                        new String[] {
                            "--kafka",
                            "127.0.0.1:1",
                            "--registry",
                            "http://127.0.0.1:1",
                            "--connect-timeout",
                            "1s",
                            "--count",
                            "10"
                        },
                        print(out),
                        print(err),
                        false);

        assertThat(code).isEqualTo(1);
        String[] lines = text(err).split("\n");
        assertThat(lines[lines.length - 1])
                .startsWith("generator: Kafka unreachable at 127.0.0.1:1");
        assertThat(text(err)).doesNotContain("\tat ").doesNotContain("Exception:\n");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void helpPrintsUsage() {
        assertThat(GeneratorMain.run(new String[] {"--help"}, print(out), print(err), false))
                .isZero();
        assertThat(text(out)).contains("--kafka host:port", "--incident");
    }

    @Test
    void builderChecksRequiredSettings() {
        assertThatThrownBy(() -> LogGenerator.builder().build())
                .hasMessage("bootstrapServers is required");
        assertThatThrownBy(() -> LogGenerator.builder().bootstrapServers("k:1").build())
                .hasMessage("registry is required for Avro records");
        // Lines need no registry.
        assertThat(LogGenerator.builder().bootstrapServers("k:1").format("nginx").build())
                .isNotNull();
        assertThatThrownBy(() -> LogGenerator.builder().format("xml"))
                .hasMessage(
                        "Unknown format 'xml'; formats are avro, json, logfmt, nginx, syslog,"
                                + " text, otlp-json, otlp-proto");
    }

    private void assertError(String[] args, String expected) {
        out.reset();
        err.reset();
        int code = GeneratorMain.run(args, print(out), print(err), false);

        assertThat(code).as(String.join(" ", args)).isEqualTo(2);
        String first = text(err).split("\n")[0];
        assertThat(first).startsWith("generator: ").contains(expected);
        assertThat(text(err)).doesNotContain("\tat ");
    }

    private static String[] args(String... extra) {
        String[] all = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
