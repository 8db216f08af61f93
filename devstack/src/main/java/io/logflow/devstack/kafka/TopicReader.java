package io.logflow.devstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what exactly-once jobs committed, the way their consumers must: {@code read_committed}, raw
 * bytes, a throwaway group. Tests, the demo and tools share it.
 */
public final class TopicReader {

    private TopicReader() {}

    /** Consumer properties for committed records as bytes, from {@code offsetReset}. */
    public static Properties committedConsumer(String bootstrap, String offsetReset) {
        Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return committedConsumer(client, offsetReset);
    }

    /** As {@link #committedConsumer(String, String)} over {@code client}'s connection settings. */
    public static Properties committedConsumer(Properties client, String offsetReset) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "logflow-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} committed records arrived or
     * {@code timeout} passed, then polls once more so that extra records show up in the result
     * rather than going unnoticed.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
            String bootstrap, String topic, int expected, Duration timeout) {
        Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return readCommitted(client, topic, expected, timeout);
    }

    /** As {@link #readCommitted(String, String, int, Duration)} with {@code client}'s settings. */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(
            Properties client, String topic, int expected, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(committedConsumer(client, "earliest"))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}
