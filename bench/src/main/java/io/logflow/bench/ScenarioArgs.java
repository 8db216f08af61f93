package io.logflow.bench;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The options the driver passes to a scenario's JVM, written by one side and read by the other. */
final class ScenarioArgs {

    static final ConfigOption<String> KIND = text("kind", "consume, decode, logflow, kstreams...");
    static final ConfigOption<String> SCENARIO = text("scenario", "The name results carry.");
    static final ConfigOption<String> BOOTSTRAP = text("bootstrap", "Kafka host:port.");
    static final ConfigOption<String> REGISTRY = text("registry", "Schema registry URL.");
    static final ConfigOption<String> TOPIC = text("topic", "The measured topic.");
    static final ConfigOption<String> WARMUP_TOPIC =
            text("warmup-topic", "Read first, unmeasured.");
    static final ConfigOption<String> WORK_DIR = text("work-dir", "Checkpoints, files, state.");
    static final ConfigOption<String> WINDOWS = text("windows", "The job's windows option.");
    static final ConfigOption<String> SINK = text("sink", "eos, discard or windows.");
    static final ConfigOption<String> FORMAT =
            key("format")
                    .stringType()
                    .defaultValue("avro-confluent")
                    .withDescription("Input format of the LogFlow job.");
    static final ConfigOption<Long> EXPECTED =
            key("expected").longType().noDefaultValue().withDescription("Events in topic.");
    static final ConfigOption<Long> WARMUP_EXPECTED =
            key("warmup-expected")
                    .longType()
                    .noDefaultValue()
                    .withDescription("Events in warmup-topic; 0 skips warm-up.");
    static final ConfigOption<Duration> WINDOW = duration("window", "The peers' window size.");
    static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            duration("out-of-orderness", "Watermark out-of-orderness.");
    static final ConfigOption<Duration> ALLOWED_LATENESS =
            duration("allowed-lateness", "The peers' grace beyond the out-of-orderness.");
    static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            duration("checkpoint-interval", "Checkpoint (or commit) interval.");
    static final ConfigOption<Integer> PARALLELISM =
            key("parallelism").intType().noDefaultValue().withDescription("Job parallelism.");
    static final ConfigOption<Integer> THREADS =
            key("threads").intType().noDefaultValue().withDescription("Kafka Streams threads.");

    private static final ToolArgs ARGS =
            ToolArgs.of(
                            "ScenarioMain",
                            KIND,
                            SCENARIO,
                            BOOTSTRAP,
                            REGISTRY,
                            TOPIC,
                            WARMUP_TOPIC,
                            WORK_DIR,
                            WINDOWS,
                            SINK,
                            FORMAT,
                            EXPECTED,
                            WARMUP_EXPECTED,
                            WINDOW,
                            OUT_OF_ORDERNESS,
                            ALLOWED_LATENESS,
                            CHECKPOINT_INTERVAL,
                            PARALLELISM,
                            THREADS)
                    .required(KIND, SCENARIO);

    private final Configuration values;

    ScenarioArgs() {
        this(new Configuration());
    }

    private ScenarioArgs(Configuration values) {
        this.values = values;
    }

    static ScenarioArgs parse(String[] args) {
        return new ScenarioArgs(ARGS.parse(args));
    }

    <T> ScenarioArgs with(ConfigOption<T> option, T value) {
        values.set(option, value);
        return this;
    }

    ScenarioArgs copy() {
        return new ScenarioArgs(new Configuration(values));
    }

    /** The value of {@code option}; one without a default must have been set. */
    <T> T get(ConfigOption<T> option) {
        T value = values.get(option);
        if (value == null) {
            throw ToolArgs.missing(option);
        }
        return value;
    }

    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        values.toMap()
                .forEach(
                        (k, v) -> {
                            out.add("--" + k);
                            out.add(v);
                        });
        return out;
    }

    private static ConfigOption<String> text(String key, String description) {
        return key(key).stringType().noDefaultValue().withDescription(description);
    }

    private static ConfigOption<Duration> duration(String key, String description) {
        return key(key).durationType().noDefaultValue().withDescription(description);
    }
}
