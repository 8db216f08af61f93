package io.logflow.devstack.registry;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's compacted {@code _schemas} topic: created and replayed at start, then appended.
 *
 * <p>Unlike Confluent's registry this one does not keep tailing the topic after start: as the only
 * writer it applies its own acknowledged writes, which keeps the write path a plain send-and-wait.
 * The price is that two registries sharing a topic would not see each other's writes until
 * restarted.
 */
final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    // Bounds a write against an unreachable broker: metadata wait, then one delivery attempt
    // window; the future's own timeout is only a backstop over the sum.
    private static final int MAX_BLOCK_MS = 5_000;
    private static final int REQUEST_TIMEOUT_MS = 5_000;
    private static final int DELIVERY_TIMEOUT_MS = 10_000;
    private static final long SEND_TIMEOUT_MS = MAX_BLOCK_MS + DELIVERY_TIMEOUT_MS + 1_000;

    private final String topic;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;

    private KafkaSchemaLog(RegistrySettings settings) {
        this.topic = settings.topic();
        this.partition = new TopicPartition(topic, 0);
        Properties props = settings.kafkaClient("dev-schema-registry-writer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Creates the topic if absent, feeds every record up to its current end to {@code replay}, and
     * returns a log ready for appends.
     *
     * @throws IllegalStateException naming the bootstrap servers if Kafka cannot be reached or the
     *     topic read within {@code timeout}
     */
    static KafkaSchemaLog open(
            RegistrySettings settings, Duration timeout, Consumer<SchemaLogRecord> replay) {
        SchemaTopicLoader.load(settings, timeout, replay);
        return new KafkaSchemaLog(settings);
    }

    @Override
    public void append(SchemaLogRecord record) {
        ProducerRecord<String, String> message =
                new ProducerRecord<>(
                        topic,
                        partition.partition(),
                        SchemaLogCodec.key(record),
                        SchemaLogCodec.value(record));
        try {
            producer.send(message).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw RegistryError.storeError(
                    "cannot write to topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw RegistryError.storeError(
                    "write to topic "
                            + topic
                            + " not acknowledged within "
                            + SEND_TIMEOUT_MS
                            + " ms",
                    e);
        } catch (KafkaException e) {
            throw RegistryError.storeError(
                    "cannot write to topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while writing to topic " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
