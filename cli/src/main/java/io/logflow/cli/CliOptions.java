package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.ToolArgs;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The flags several commands share, and the parse that makes a bad flag exit code 2. */
final class CliOptions {

    static final ConfigOption<String> DATA_DIR =
            key("data-dir")
                    .stringType()
                    .defaultValue(Defaults.DATA_DIR)
                    .withDescription("Where data and log files go.");
    static final ConfigOption<Boolean> FRESH =
            key("fresh")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Start over, not from the last run's checkpoint; the demo also deletes"
                                    + " what LogFlow created in the data directory.");
    static final ConfigOption<Integer> FLINK_PORT =
            port("flink-port", Defaults.FLINK_PORT, "Flink web UI port.");
    static final ConfigOption<Integer> METRICS_PORT =
            port("metrics-port", Defaults.FLINK_METRICS_PORT, "Flink's Prometheus reporter port.");

    private CliOptions() {}

    /**
     * The flags {@code args} give {@code command}; a bad one, or one of {@code ports} outside
     * 0-65535, is a {@link CliException} (exit code 2) naming the command and the key.
     */
    static Configuration parse(
            String command, ToolArgs toolArgs, String[] args, List<ConfigOption<Integer>> ports) {
        try {
            Configuration conf = toolArgs.parse(args);
            for (ConfigOption<Integer> port : ports) {
                int value = conf.get(port);
                if (value < 0 || value > 65535) {
                    throw ToolArgs.invalid(port, value, "a port number 0-65535");
                }
            }
            return conf;
        } catch (IllegalArgumentException e) {
            throw new CliException(command + ": " + e.getMessage());
        }
    }

    static Path dataDir(Configuration conf) {
        return path(conf.get(DATA_DIR));
    }

    static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }

    static ConfigOption<Integer> port(String key, int defaultPort, String description) {
        return key(key).intType().defaultValue(defaultPort).withDescription(description);
    }

    /** A string flag without a default: absent unless given. */
    static ConfigOption<String> text(String key, String description) {
        return key(key).stringType().noDefaultValue().withDescription(description);
    }
}
