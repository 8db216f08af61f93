package io.logflow.bench;

import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The input ceiling: one {@link KafkaConsumer} thread reading a whole topic, optionally decoding
 * each value's Avro with a bare {@link GenericDatumReader} that reuses its decoder and record — the
 * most any job can get out of this input on this machine.
 */
final class InputCeiling {

    /** The Confluent wire-format header: magic byte and a 4-byte schema id. */
    private static final int HEADER = 5;

    private InputCeiling() {}

    /** Reads {@code topic} to its end offsets; returns {records, bytes}. */
    static long[] read(String bootstrap, String topic, boolean decode) throws IOException {
        GenericDatumReader<GenericRecord> reader =
                new GenericDatumReader<>(LogEvent.getClassSchema());
        BinaryDecoder decoder = null;
        GenericRecord record = null;
        long records = 0;
        long bytes = 0;
        long checksum = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(bootstrap))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    byte[] value = r.value();
                    records++;
                    bytes += value.length + (r.key() == null ? 0 : r.key().length);
                    if (decode) {
                        decoder =
                                DecoderFactory.get()
                                        .binaryDecoder(
                                                value, HEADER, value.length - HEADER, decoder);
                        record = reader.read(record, decoder);
                        // Uses the record so the JIT cannot drop the decode.
                        checksum += ((Long) record.get("timestamp")) & 1;
                    }
                }
            }
        }
        if (decode && checksum < 0) {
            throw new IllegalStateException("impossible");
        }
        return new long[] {records, bytes};
    }

    private static boolean reachedEnd(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Properties props(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
