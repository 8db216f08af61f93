package io.logflow.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.Description;
import org.apache.flink.configuration.description.LinkElement;
import org.apache.flink.configuration.description.TextElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolArgsTest {

    enum Mode {
        FAST,
        SAFE
    }

    static final ConfigOption<String> KAFKA =
            ConfigOptions.key("kafka").stringType().noDefaultValue().withDescription("host:port.");
    static final ConfigOption<Long> COUNT =
            ConfigOptions.key("count").longType().defaultValue(0L).withDescription("0 = forever.");
    static final ConfigOption<Double> RATE =
            ConfigOptions.key("rate")
                    .doubleType()
                    .defaultValue(1000.0)
                    .withDescription("Per second.");
    static final ConfigOption<Duration> SKEW =
            ConfigOptions.key("skew")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(2))
                    .withDescription("Jitter.");
    static final ConfigOption<Boolean> BOUNDED =
            ConfigOptions.key("bounded").booleanType().defaultValue(false).withDescription("Stop.");
    static final ConfigOption<Mode> MODE =
            ConfigOptions.key("mode").enumType(Mode.class).defaultValue(Mode.SAFE);
    static final ConfigOption<List<String>> INCIDENT =
            ConfigOptions.key("incident")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            Description.builder()
                                    .text("An incident such as %s.", TextElement.code("spike:a@1s"))
                                    .linebreak()
                                    .text("See %s.", LinkElement.link("https://x.io", "the docs"))
                                    .build());
    static final ConfigOption<String> TOKEN =
            ConfigOptions.key("bearer-token").stringType().noDefaultValue();

    static final ToolArgs ARGS =
            ToolArgs.of("tool", KAFKA, COUNT, RATE, SKEW, BOUNDED, MODE, INCIDENT, TOKEN)
                    .required(KAFKA);

    @TempDir Path dir;

    @Test
    void readsBothFormsSwitchesRepeatsAndNumbersWithSeparators() {
        Configuration conf =
                ARGS.parse(
                        "--kafka=k:1",
                        "--count",
                        "10_000",
                        "--bounded",
                        "--skew",
                        "5m",
                        "--incident",
                        "a",
                        "--incident",
                        "b",
                        "--mode",
                        "fast");

        assertThat(conf.get(KAFKA)).isEqualTo("k:1");
        assertThat(conf.get(COUNT)).isEqualTo(10_000L);
        assertThat(conf.get(BOUNDED)).isTrue();
        assertThat(conf.get(SKEW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(conf.get(INCIDENT)).containsExactly("a", "b");
        assertThat(conf.get(MODE)).isEqualTo(Mode.FAST);
        assertThat(conf.get(RATE)).isEqualTo(1000.0);
    }

    @Test
    void errorsNameTheKeyAndWhatIsAllowed() {
        assertError(
                "Unknown option 'colour'. Known options: bearer-token, bounded, count, incident,"
                        + " kafka, mode, rate, skew",
                "--kafka",
                "k:1",
                "--colour",
                "red");
        assertError("Option 'count' needs a value", "--kafka", "k:1", "--count");
        assertError("Missing required option 'kafka'", "--count", "1");
        assertError("Expected an option like --key value, got 'oops'", "oops");
        assertError(
                "Invalid value for 'count': '1.5'; expected a whole number",
                "--kafka=k:1",
                "--count=1.5");
        assertError(
                "Invalid value for 'rate': 'fast'; expected a number",
                "--kafka=k:1",
                "--rate=fast");
        assertError(
                "Invalid value for 'skew': 'abit'; expected a duration such as 500ms, 30s or 5m",
                "--kafka=k:1",
                "--skew=abit");
        assertError(
                "Invalid value for 'bounded': 'maybe'; expected true or false",
                "--kafka=k:1",
                "--bounded=maybe");
        assertError(
                "Invalid value for 'mode': 'slow'; expected one of FAST, SAFE",
                "--kafka=k:1",
                "--mode=slow");
        ConfigOption<Integer> port = ConfigOptions.key("port").intType().noDefaultValue();
        assertThatThrownBy(() -> ToolArgs.of("t", port).parse("--port", "x"))
                .hasMessage("Invalid value for 'port': 'x'; expected a number");
        assertThat(ToolArgs.invalid(KAFKA, "Host 'x' has no port"))
                .hasMessage("Invalid value for 'kafka': Host 'x' has no port");
        assertThat(ToolArgs.invalid(TOKEN, "hunter2", "a token"))
                .hasMessage("Invalid value for 'bearer-token': '******'; expected a token");
    }

    @Test
    void passThroughKeysAndConfigFiles() throws Exception {
        ToolArgs args = ARGS.passThrough(List.of("state.")).withConfigFile();
        Path yaml = dir.resolve("tool.yaml");
        Files.writeString(yaml, "kafka: k:9\ncount: 5\nincident: [a, b]\nstate:\n  dir: /tmp\n");

        Configuration conf = args.parse("--config", yaml.toString(), "--count", "6");

        assertThat(conf.get(KAFKA)).isEqualTo("k:9");
        assertThat(conf.get(COUNT)).isEqualTo(6L);
        assertThat(conf.get(INCIDENT)).containsExactly("a", "b");
        assertThat(conf.toMap()).containsEntry("state.dir", "/tmp");
        Path props = dir.resolve("tool.properties");
        Files.writeString(props, "kafka=k:2\nbogus=1\n");
        assertThatThrownBy(() -> args.parse("--config", props.toString()))
                .hasMessage(
                        "Unknown option 'bogus'. Known options: bearer-token, bounded, count,"
                                + " incident, kafka, mode, rate, skew, and any key starting with"
                                + " state.");
        Path absent = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> args.parse("--config", absent.toString()))
                .hasMessage("Configuration file " + absent + " does not exist");
    }

    @Test
    void aSwitchThatIsOnShowsHowToTurnItOff() {
        ConfigOption<Boolean> templates =
                ConfigOptions.key("templates")
                        .booleanType()
                        .defaultValue(true)
                        .withDescription("Mine templates.");
        ToolArgs args = ToolArgs.of("tool", templates, BOUNDED);
        assertThat(args.optionLines())
                .isEqualTo(
                        "  --templates true|false  Mine templates. Default: true.\n"
                                + "  --bounded               Stop.");
        assertThat(args.parse("--templates", "false").get(templates)).isFalse();
        assertThat(args.parse("--templates").get(templates)).isTrue();
    }

    @Test
    void usageComesFromTheOptions() {
        assertThat(ToolArgs.wantsHelp("--kafka", "k:1", "-h")).isTrue();
        assertThat(ToolArgs.wantsHelp("--kafka", "k:1")).isFalse();
        assertThat(ARGS.usage())
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: tool [--key value]...",
                                "  --kafka VALUE                  host:port. Required.",
                                "  --count N                      0 = forever. Default: 0.",
                                "  --rate N                       Per second. Default: 1000.",
                                "  --skew DURATION                Jitter. Default: 2s.",
                                "  --bounded                      Stop.",
                                "  --mode VALUE                   Default: SAFE.",
                                "  --incident VALUE (repeatable)  An incident such as spike:a@1s.",
                                "                                 See the docs (https://x.io).",
                                "  --bearer-token VALUE"));
        ToolArgs passing = ARGS.passThrough(List.of("state.", "pipeline.")).withConfigFile();
        assertThat(passing.usage())
                .isEqualTo("Usage: tool [--key value]...\n" + passing.optionLines());
        assertThat(passing.optionLines())
                .startsWith("  --kafka VALUE                  host:port. Required.\n")
                .endsWith(
                        "\n  --bearer-token VALUE"
                                + "\n  --config FILE                  YAML or .properties file;"
                                + " arguments win."
                                + "\n  Passed on as they are: any --key starting with state.,"
                                + " pipeline.");
    }

    @Test
    void splitKeepsTheOthersInOrderForAnotherParser() {
        ToolArgs.Split split =
                ARGS.split(
                        "job",
                        "--window.size",
                        "5",
                        "--kafka",
                        "k:1",
                        "--bounded",
                        "--other.switch",
                        "--rate=2",
                        "--other=x");
        assertThat(split.own()).containsExactly("--kafka", "k:1", "--bounded", "--rate=2");
        assertThat(split.rest())
                .containsExactly("job", "--window.size", "5", "--other.switch", "--other=x");
        assertThat(ARGS.parse(split.ownArgs()).get(RATE)).isEqualTo(2.0);
    }

    @Test
    void aDeclaredConfigOptionIsAValueWithoutWithConfigFile() {
        ConfigOption<String> config =
                ConfigOptions.key("config").stringType().noDefaultValue().withDescription("Mine.");
        assertThat(ToolArgs.of("tool", config).parse("--config", "absent.yaml").get(config))
                .isEqualTo("absent.yaml");
    }

    private static void assertError(String message, String... args) {
        assertThatThrownBy(() -> ARGS.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
