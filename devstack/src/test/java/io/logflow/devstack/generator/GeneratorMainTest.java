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
                GeneratorOptions.parse(
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
        assertError(args("--rate", "fast"), "Invalid value for 'rate': 'fast'; expected a number");
        assertError(
                args("--rate", "-1"), "Invalid value for 'rate': '-1.0'; expected a number >= 0");
        assertError(
                args("--malformed", "2"),
                "Invalid value for 'malformed': '2.0'; expected a share between 0 and 1");
        assertError(
                args("--incident", "spike:payments"),
                "Invalid value for 'incident': Incident 'spike:payments' has no '@<start>';"
                        + " expected spike:<service>@<start>[+<duration>],"
                        + " latency:<service>:<path>@<start>[+<duration>],"
                        + " silence:<service>@<start>[+<duration>] or"
                        + " newerror:<service>@<start>[+<duration>]");
        assertError(
                args("--skew", "abit"),
                "Invalid value for 'skew': 'abit'; expected a duration such as 500ms, 30s or 5m");
        assertError(
                args("--start", "yesterday"),
                "Invalid value for 'start': 'yesterday'; expected an ISO instant such as"
                        + " 2026-01-01T00:00:00Z");
        assertError(
                args("--colour", "red"),
                "Unknown option 'colour'. Known options: batch-size, connect-timeout, count,"
                        + " event-rate, format, hosts, incident, kafka, late, late-by, linger-ms,"
                        + " malformed, rate, registry, seed, services, skew, start, topic, v2");
        assertError(args("--count"), "Option 'count' needs a value");
        assertError(
                new String[] {"--registry", "http://localhost:8085"},
                "Missing required option 'kafka'");
        assertError(
                new String[] {"--kafka", "localhost:9092"}, "Missing required option 'registry'");
        assertError(
                new String[] {"--kafka", "k:1", "--registry", "ftp://x"},
                "Invalid value for 'registry': Schema registry URL 'ftp://x' must start with"
                        + " http:// or https://");
        assertError(
                args("--format", "xml"),
                "Invalid value for 'format': Unknown format 'xml'; formats are avro, json, logfmt,"
                        + " nginx, syslog, text, otlp-json, otlp-proto");
        assertError(
                args("--malformed", "0.7", "--v2", "0.7"),
                "malformedShare + v2Share must be <= 1, got 0.7 + 0.7");
        assertError(
                args("--incident", "spike:billing@1s"),
                "Incident 'spike:billing@1000ms' names unknown service 'billing'; services:"
                        + " gateway, search, catalog, checkout, auth, payments");
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
        assertThat(text(out))
                .startsWith("Usage: bin/logflow generate [--key value]...\n")
                .contains(
                        "\n  --kafka VALUE                  Kafka host:port. Required.\n",
                        "\n  --rate N                       Records per second; 0 sends as fast as"
                                + " possible. Default: 1000.\n",
                        "\n  --incident VALUE (repeatable)  An incident such as"
                                + " spike:payments@60s+120s.\n");
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
        assertThat(first).isEqualTo("generator: " + expected);
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
