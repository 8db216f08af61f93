package io.logflow.bench.streams;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.formats.avro.RegistryAvroSerializationSchema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serdes over LogFlow's Confluent Avro (de)serialization schemas, so the peer decodes
 * and encodes with exactly the code the Flink job uses.
 */
public final class AvroSerdes {

    private AvroSerdes() {}

    /** Reads {@link LogEvent}s of {@code topic}; undecodable bytes fail the record. */
    public static Serde<LogEvent> logEvents(String topic, RegistryClientConfig registry) {
        // Kafka Streams shares one serde instance among its stream threads, and the schema keeps
        // a decoder between records: one per thread.
        ThreadLocal<ConfluentAvroDeserializationSchema<LogEvent>> schemas =
                ThreadLocal.withInitial(
                        () ->
                                ConfluentAvroSerdes.valueDeserializer(
                                        LogEvent.class, topic, registry));
        Deserializer<LogEvent> deserializer =
                (t, bytes) -> {
                    try {
                        return schemas.get().deserialize(bytes);
                    } catch (IOException e) {
                        // Kafka Streams hands this to its deserialization exception handler.
                        throw new UncheckedIOException(e);
                    }
                };
        Serializer<LogEvent> unused =
                (t, event) -> {
                    throw new UnsupportedOperationException("The peer never writes log events");
                };
        return Serdes.serdeFrom(unused, deserializer);
    }

    /** Writes {@link WindowStats} to {@code topic}, registering its schema. */
    public static Serde<WindowStats> windowStats(String topic, RegistryClientConfig registry) {
        ThreadLocal<RegistryAvroSerializationSchema<WindowStats>> schemas =
                ThreadLocal.withInitial(
                        () ->
                                ConfluentAvroSerdes.valueSerializer(
                                        WindowStats.class, topic, registry));
        Serializer<WindowStats> serializer =
                (t, stats) -> stats == null ? null : schemas.get().serialize(stats);
        Deserializer<WindowStats> unused =
                (t, bytes) -> {
                    throw new UnsupportedOperationException("The peer never reads its results");
                };
        return Serdes.serdeFrom(serializer, unused);
    }
}
