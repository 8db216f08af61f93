package io.logflow.notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The alerts topic as the notifier reads it: {@code read_committed} (an aborted transaction of the
 * job never pages anyone), every partition assigned to this one process, from the group's committed
 * offsets; offsets are committed only by {@link #commit}, after delivery. Assigned rather than
 * subscribed: one notifier per group, and no rebalance pause on restart.
 */
final class AlertSource implements AutoCloseable {

    private final NotifierConfig config;
    private final KafkaConsumer<byte[], byte[]> consumer;

    AlertSource(NotifierConfig config) {
        this.config = config;
        this.consumer = new KafkaConsumer<>(properties(config));
    }

    /**
     * Waits for the topic, assigns its partitions and fixes each start position (committed, else
     * {@code kafka.start-from}); false if {@code running} turned false first.
     */
    boolean assign(java.util.function.BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            try {
                List<PartitionInfo> infos =
                        consumer.partitionsFor(config.topic(), Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    assign(infos);
                    return true;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Kafka or its group coordinator not there yet: the caller says so; try again.
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private void assign(List<PartitionInfo> infos) {
        List<TopicPartition> parts = new ArrayList<>();
        infos.forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(parts);
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(new java.util.HashSet<>(parts), Duration.ofSeconds(10));
        for (TopicPartition tp : parts) {
            OffsetAndMetadata o = committed.get(tp);
            if (o != null) {
                consumer.seek(tp, o.offset());
            } else if (config.startFromEarliest()) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seekToEnd(List.of(tp));
            }
            // Resolves the position now: "latest" means the end when the notifier started.
            consumer.position(tp, Duration.ofSeconds(10));
        }
    }

    ConsumerRecords<byte[], byte[]> poll() {
        return consumer.poll(Duration.ofMillis(500));
    }

    /** Reads {@code tp} again from {@code offset} on the next poll. */
    void rewind(TopicPartition tp, long offset) {
        consumer.seek(tp, offset);
    }

    /** Commits the next offsets to read, synchronously: called once the records are handled. */
    void commit(Map<TopicPartition, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
        consumer.commitSync(offsets);
    }

    /** The one call that is safe from another thread: ends a blocking poll. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(
                org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    private static Properties properties(NotifierConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                config.startFromEarliest() ? "earliest" : "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        // The job's topic is the job's to create, with its partitions; the notifier waits for it.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "logflow-notifier");
        return p;
    }
}
