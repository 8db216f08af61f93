package io.logflow.jobs.normalize;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/** The normalize job's own option; it shares input, registry and output options with analytics. */
public final class NormalizeOptions {

    private NormalizeOptions() {}

    public static final ConfigOption<String> OUTPUT_TOPIC =
            key("normalize.output-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_LOGS)
                    .withDescription(
                            "Where the normalize job writes each event as a Confluent-framed Avro"
                                    + " LogEvent, exactly once, keyed by service.");

    /** Every option of this class. */
    public static List<ConfigOption<?>> all() {
        return List.of(OUTPUT_TOPIC);
    }
}
