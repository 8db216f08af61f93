package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.flink.formats.avro.RegistryAvroDeserializationSchema;

/**
 * Flink's registry Avro deserializer with LogFlow's error contract: every failure is an {@link
 * IOException} that names the topic and schema id — {@link MalformedRecordException} for bytes that
 * cannot decode, {@link RegistryException} for ids the registry cannot resolve.
 */
public class ConfluentAvroDeserializationSchema<T> extends RegistryAvroDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public ConfluentAvroDeserializationSchema(
            Class<T> recordClass, Schema readerSchema, ConfluentSchemaCoderProvider provider) {
        super(recordClass, readerSchema, provider);
        this.topic = provider.topic();
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        try {
            return super.deserialize(message);
        } catch (MalformedRecordException | RegistryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Avro reports a short or corrupt payload as EOF, index or negative-length errors;
            // say what it means for a Kafka record instead.
            int id = WireFormat.schemaIdOf(message);
            throw new MalformedRecordException(
                    "Cannot decode the Avro payload of a record on topic '"
                            + topic
                            + "' with schema id "
                            + id
                            + " ("
                            + message.length
                            + " bytes): truncated or corrupt ("
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ")",
                    id,
                    e);
        }
    }
}
