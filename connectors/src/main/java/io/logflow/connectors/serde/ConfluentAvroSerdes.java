package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryClientConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.formats.avro.RegistryAvroSerializationSchema;

/**
 * Factories for Flink (de)serialization schemas of Confluent-framed Avro record values.
 *
 * <pre>{@code
 * RegistryClientConfig registry = RegistryClientConfig.builder("http://localhost:8085").build();
 * DeserializationSchema<LogEvent> in = ConfluentAvroSerdes.valueDeserializer(LogEvent.class, "logs", registry);
 * SerializationSchema<WindowStats> out = ConfluentAvroSerdes.valueSerializer(WindowStats.class, "log-metrics", registry);
 * }</pre>
 */
public final class ConfluentAvroSerdes {

    private ConfluentAvroSerdes() {}

    /** Reads values of {@code topic} written with any registered schema into the class's schema. */
    public static <T extends SpecificRecord>
            ConfluentAvroDeserializationSchema<T> valueDeserializer(
                    Class<T> recordClass, String topic, RegistryClientConfig config) {
        Schema reader = SpecificData.get().getSchema(recordClass);
        return new ConfluentAvroDeserializationSchema<>(
                recordClass, reader, new ConfluentSchemaCoderProvider(config, topic, false));
    }

    /** Reads values of {@code topic} as generic records resolved to {@code readerSchema}. */
    public static ConfluentAvroDeserializationSchema<GenericRecord> genericValueDeserializer(
            Schema readerSchema, String topic, RegistryClientConfig config) {
        return new ConfluentAvroDeserializationSchema<>(
                GenericRecord.class,
                readerSchema,
                new ConfluentSchemaCoderProvider(config, topic, false));
    }

    /** Writes values of {@code topic}, registering (or looking up) the class's schema. */
    public static <T extends SpecificRecord> RegistryAvroSerializationSchema<T> valueSerializer(
            Class<T> recordClass, String topic, RegistryClientConfig config) {
        return RegistryAvroSerializationSchema.forSpecific(
                recordClass, new ConfluentSchemaCoderProvider(config, topic, false));
    }

    /** Writes generic records of {@code writerSchema} as values of {@code topic}. */
    public static RegistryAvroSerializationSchema<GenericRecord> genericValueSerializer(
            Schema writerSchema, String topic, RegistryClientConfig config) {
        return RegistryAvroSerializationSchema.forGeneric(
                writerSchema, new ConfluentSchemaCoderProvider(config, topic, false));
    }
}
