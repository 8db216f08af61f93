package io.logflow.connectors.kafka;

import io.logflow.connectors.Secrets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

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

    /**
     * Fails with both keys named when {@code transactionTimeout} exceeds the broker's {@code
     * transaction.max.timeout.ms}: the sink's producers would otherwise fail InitProducerId on
     * every start and restart. A broker that does not answer within {@code wait} is not checked (it
     * may be down while the job is submitted); returns what was found, for the log.
     */
    public static String checkTransactionTimeout(
            String bootstrapServers,
            Properties clientProperties,
            Duration transactionTimeout,
            Duration wait) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(wait.toMillis()));
        props.setProperty(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(wait.toMillis()));
        long max;
        try (Admin admin = Admin.create(props)) {
            Collection<Node> brokers =
                    admin.describeCluster().nodes().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (brokers.isEmpty()) {
                return "no broker listed; transaction.max.timeout.ms not checked";
            }
            ConfigResource broker =
                    new ConfigResource(
                            ConfigResource.Type.BROKER, brokers.iterator().next().idString());
            ConfigEntry entry =
                    admin.describeConfigs(List.of(broker))
                            .all()
                            .get(wait.toMillis(), TimeUnit.MILLISECONDS)
                            .get(broker)
                            .get(MAX_TIMEOUT_KEY);
            if (entry == null || entry.value() == null) {
                return "the broker does not show transaction.max.timeout.ms; not checked";
            }
            max = Long.parseLong(entry.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted; transaction.max.timeout.ms not checked";
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return "the broker did not answer within "
                    + wait
                    + " ("
                    + Secrets.maskUrls(String.valueOf(e.getMessage()))
                    + "); transaction.max.timeout.ms not checked";
        }
        if (transactionTimeout.toMillis() > max) {
            throw new IllegalArgumentException(
                    "output.transaction-timeout ("
                            + transactionTimeout
                            + ") exceeds the broker's transaction.max.timeout.ms ("
                            + Duration.ofMillis(max)
                            + "): the exactly-once sinks could not start; lower"
                            + " output.transaction-timeout (and the checkpoint interval and"
                            + " timeout with it) or raise the broker's limit");
        }
        return "transaction timeout "
                + transactionTimeout
                + " within the broker's "
                + Duration.ofMillis(max);
    }

    private static final String MAX_TIMEOUT_KEY = "transaction.max.timeout.ms";

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
