package io.logflow.connectors.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Kafka sinks with LogFlow's defaults: exactly once with a transaction timeout that a default
 * broker accepts.
 *
 * <pre>{@code
 * KafkaSink<WindowStats> sink = KafkaSinks.sink(
 *         "localhost:9092", new Properties(), DeliveryGuarantee.EXACTLY_ONCE,
 *         "logflow-analytics-metrics",
 *         KafkaSinks.keyed("log-metrics", WindowStats::getService, valueSerializer),
 *         KafkaSinks.DEFAULT_TRANSACTION_TIMEOUT);
 * }</pre>
 */
public final class KafkaSinks {

    /**
     * 10 minutes: below the broker's default {@code transaction.max.timeout.ms} (15 min) — the
     * connector's own default of 1 h makes InitProducerId fail and the job hang — and far above a
     * checkpoint plus a restart.
     */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    private KafkaSinks() {}

    /** A sink with the given guarantee; the prefix is only used for exactly once. */
    public static <T> KafkaSink<T> sink(
            String bootstrapServers,
            Properties clientProperties,
            DeliveryGuarantee guarantee,
            String transactionalIdPrefix,
            KafkaRecordSerializationSchema<T> serializer,
            Duration transactionTimeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.setProperty("transaction.timeout.ms", String.valueOf(transactionTimeout.toMillis()));
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(props)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setRecordSerializer(serializer)
                .build();
    }

    /** Writes to {@code topic} with a UTF-8 string key computed from the record. */
    public static <T> KafkaRecordSerializationSchema<T> keyed(
            String topic, SerializableFunction<T, String> key, SerializationSchema<T> value) {
        return KafkaRecordSerializationSchema.<T>builder()
                .setTopic(topic)
                .setKeySerializationSchema(new StringKeySerializationSchema<>(key))
                .setValueSerializationSchema(value)
                .build();
    }
}
