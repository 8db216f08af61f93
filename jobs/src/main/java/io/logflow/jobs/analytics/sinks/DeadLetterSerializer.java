package io.logflow.jobs.analytics.sinks;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter keyed by the original record's key, as a registry-framed Avro {@link
 * DeadLetter}, with the reason and origin also in headers so tools can filter without decoding.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializationSchema<DeadLetter> value;

    public DeadLetterSerializer(String topic, RegistryClientConfig registry) {
        this.topic = topic;
        this.value = ConfluentAvroSerdes.valueSerializer(DeadLetter.class, topic, registry);
    }

    @Override
    public void open(
            SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
            throws Exception {
        value.open(context);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("logflow.reason", utf8(letter.getReason().name()));
        headers.add("logflow.source.topic", utf8(letter.getTopic()));
        headers.add("logflow.source.partition", utf8(String.valueOf(letter.getPartition())));
        headers.add("logflow.source.offset", utf8(String.valueOf(letter.getOffset())));
        return new ProducerRecord<>(
                topic, null, null, bytes(letter.getKey()), value.serialize(letter), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer dup = buffer.duplicate();
        byte[] out = new byte[dup.remaining()];
        dup.get(out);
        return out;
    }
}
