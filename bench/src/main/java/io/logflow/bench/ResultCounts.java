package io.logflow.bench;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a results topic as its consumers would (read_committed, the latest result per key wins, as
 * in an upsert) and sums each service's window counts: the total each engine says it saw.
 */
final class ResultCounts {

    private ResultCounts() {}

    static Map<String, Long> read(String bootstrap, String topic, RegistryClientConfig registry) {
        ConfluentAvroDeserializationSchema<WindowStats> schema =
                ConfluentAvroSerdes.valueDeserializer(WindowStats.class, topic, registry);
        Map<String, WindowStats> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(TopicReader.committedConsumer(bootstrap, "earliest"))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed these are the last stable offsets: everything committed.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!done(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(
                            new String(r.key(), StandardCharsets.UTF_8),
                            schema.deserialize(r.value()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read results of " + topic, e);
        }
        Map<String, Long> byService = new TreeMap<>();
        latest.values().forEach(s -> byService.merge(s.getService(), s.getCount(), Long::sum));
        return byService;
    }

    private static boolean done(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
