package io.logflow.devstack.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replays the registry's schema topic, once, at start. */
final class SchemaTopicLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTopicLoader.class);

    private SchemaTopicLoader() {}

    /**
     * Creates the topic if absent (1 partition, compacted) and feeds every record up to its current
     * end to {@code sink}.
     *
     * @throws IllegalStateException naming the bootstrap servers if Kafka cannot be reached or the
     *     topic read within {@code timeout}
     */
    static void load(RegistrySettings settings, Duration timeout, Consumer<SchemaLogRecord> sink) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SchemaTopicSetup.ensure(settings, timeout);
        replay(settings, deadline, timeout, sink);
    }

    private static void replay(
            RegistrySettings settings,
            long deadline,
            Duration timeout,
            Consumer<SchemaLogRecord> sink) {
        String bootstrap = settings.kafkaBootstrap();
        String topic = settings.topic();
        Properties props = settings.kafkaClient("dev-schema-registry-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // The end as of now: anything written later is this registry's own doing.
            long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
            int count = 0;
            long position;
            while ((position = consumer.position(partition, remaining(deadline))) < end) {
                if (System.nanoTime() > deadline) {
                    throw SchemaTopicSetup.unreachable(
                            bootstrap,
                            topic,
                            timeout,
                            new IllegalStateException(
                                    "replay stopped at offset " + position + " of " + end));
                }
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(100))) {
                    count += apply(record, sink) ? 1 : 0;
                }
            }
            LOG.info("Replayed {} registry records from {} up to offset {}", count, topic, end);
        } catch (KafkaException e) {
            throw SchemaTopicSetup.unreachable(bootstrap, topic, timeout, e);
        }
    }

    private static boolean apply(
            ConsumerRecord<String, String> record, Consumer<SchemaLogRecord> sink) {
        if (record.key() == null) {
            return false;
        }
        Optional<SchemaLogRecord> decoded;
        try {
            decoded = SchemaLogCodec.decode(record.key(), record.value());
        } catch (IllegalArgumentException e) {
            // One unreadable record must not keep the registry down; skip it loudly.
            LOG.warn(
                    "Skipping {} record at offset {}: {}",
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return false;
        }
        decoded.ifPresent(sink);
        return decoded.isPresent();
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
