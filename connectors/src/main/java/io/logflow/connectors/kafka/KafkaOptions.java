package io.logflow.connectors.kafka;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import org.apache.flink.configuration.ConfigOption;

/** The Kafka client options every LogFlow tool shares, each with its one default. */
public final class KafkaOptions {

    private KafkaOptions() {}

    /** Any Kafka client property, passed through: {@code kafka.properties.security.protocol}. */
    public static final String PROPERTIES_PREFIX = "kafka.properties.";

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue(Defaults.KAFKA_BOOTSTRAP)
                    .withDescription("Kafka bootstrap servers for input and output.");
}
