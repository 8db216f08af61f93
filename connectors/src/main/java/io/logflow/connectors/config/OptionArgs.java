package io.logflow.connectors.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The {@code --key value} arguments one LogFlow tool hands another (the demo, the chaos run and the
 * bench start the analytics job this way), written from the options themselves so each key is
 * spelled once, where it is declared.
 *
 * <pre>{@code
 * String[] args = new OptionArgs()
 *         .set(KafkaOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
 *         .set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2))
 *         .array();
 * }</pre>
 */
public final class OptionArgs {

    private final List<String> args = new ArrayList<>();

    /** Adds {@code option} with {@code value}, written as Flink's configuration writes it. */
    public <T> OptionArgs set(ConfigOption<T> option, T value) {
        // Flink's own rendering (durations, lists, enums) is what ToolArgs parses back.
        Configuration one = new Configuration();
        one.set(option, value);
        return set(option.key(), one.toMap().get(option.key()));
    }

    /** Adds {@code option} with a value already in its text form, e.g. as a user typed it. */
    public OptionArgs setText(ConfigOption<?> option, String text) {
        return set(option.key(), text);
    }

    /**
     * Adds a key no option declares by itself, such as a source's {@code
     * input.sources.<name>.topic}.
     */
    public OptionArgs set(String key, String text) {
        args.add("--" + key);
        args.add(text);
        return this;
    }

    /** The arguments in the order they were added. */
    public List<String> list() {
        return List.copyOf(args);
    }

    /** The arguments in the order they were added. */
    public String[] array() {
        return args.toArray(String[]::new);
    }
}
