package io.logflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the job committed, compared with what was sent: every window's latest revision on the
 * metrics topic (read_committed) and in the committed result files, each window counted once.
 */
final class ChaosResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One output's comparison with the input. */
    record Comparison(
            String output,
            int windowsExpected,
            int windowsSeen,
            int resultsLost,
            int resultsDuplicated,
            long eventsLost,
            long eventsCountedTwice) {

        boolean exact() {
            return resultsLost == 0
                    && resultsDuplicated == 0
                    && eventsLost == 0
                    && eventsCountedTwice == 0
                    && windowsSeen == windowsExpected;
        }
    }

    /** The results gathered from one output: the latest count per window, and repeats. */
    static final class Seen {
        private final Map<String, Long> counts = new HashMap<>();
        private final Map<String, Integer> revisions = new HashMap<>();
        private int repeats;

        void add(String service, Instant windowStart, int revision, long count) {
            String key = ChaosInput.key(service, windowStart);
            Integer latest = revisions.get(key);
            if (latest != null && latest == revision) {
                repeats++; // the same revision twice: a result committed twice
            }
            if (latest == null || revision >= latest) {
                revisions.put(key, revision);
                counts.put(key, count);
            }
        }

        boolean covers(Map<String, Long> expected) {
            return counts.keySet().containsAll(expected.keySet());
        }

        Comparison compare(String output, Map<String, Long> expected) {
            int lost = 0;
            long eventsLost = 0;
            long eventsTwice = 0;
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                Long got = counts.get(e.getKey());
                if (got == null) {
                    lost++;
                    eventsLost += e.getValue();
                } else if (got < e.getValue()) {
                    lost++;
                    eventsLost += e.getValue() - got;
                } else if (got > e.getValue()) {
                    eventsTwice += got - e.getValue();
                }
            }
            int extra =
                    (int) counts.keySet().stream().filter(k -> !expected.containsKey(k)).count();
            return new Comparison(
                    output,
                    expected.size(),
                    counts.size() - extra,
                    lost,
                    repeats + extra,
                    eventsLost,
                    eventsTwice);
        }
    }

    private ChaosResults() {}

    /**
     * Reads the committed records of {@code topic} until every expected window is there or {@code
     * timeout} passes, then to the topic's last committed offset so that late repeats count too.
     */
    static Seen fromTopic(
            String bootstrap,
            RegistryClientConfig registry,
            String topic,
            Map<String, Long> expected,
            Duration timeout)
            throws IOException {
        var reader = ConfluentAvroSerdes.valueDeserializer(WindowStats.class, topic, registry);
        Seen seen = new Seen();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean complete = false;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    WindowStats w = reader.deserialize(r.value());
                    seen.add(w.getService(), w.getWindowStart(), w.getRevision(), w.getCount());
                }
                if (!complete && seen.covers(expected)) {
                    complete = true;
                }
                if (complete && atEnd(consumer, partitions)) {
                    break;
                }
            }
        }
        return seen;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    /**
     * Reads the committed JSON Lines result files below {@code dir} (in-progress files start with a
     * dot and are not read) until they hold every expected window or {@code timeout} passes.
     */
    static Seen fromFiles(Path dir, Map<String, Long> expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Seen seen = readFiles(dir);
            if (seen.covers(expected) || System.nanoTime() >= deadline) {
                return seen;
            }
            Thread.sleep(1000);
        }
    }

    private static Seen readFiles(Path dir) {
        Seen seen = new Seen();
        if (!Files.isDirectory(dir)) {
            return seen;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f :
                    files.filter(
                                    f -> {
                                        String n = f.getFileName().toString();
                                        return n.startsWith("part-") && n.endsWith(".jsonl");
                                    })
                            .toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode w = JSON.readTree(line);
                    seen.add(
                            w.path("service").asText(),
                            Instant.parse(w.path("windowStart").asText()),
                            w.path("revision").asInt(),
                            w.path("count").asLong());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }
}
