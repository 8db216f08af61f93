package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryException;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.RegistryAvroDeserializationSchema;

/**
 * Flink's registry Avro deserializer with LogFlow's error contract: every failure is an {@link
 * IOException} that names the topic and schema id — {@link MalformedRecordException} for bytes that
 * cannot decode, {@link RegistryException} for ids the registry cannot resolve — and a bad record
 * never affects the next one.
 */
public class ConfluentAvroDeserializationSchema<T> implements DeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final String readerSchema;
    private final ConfluentSchemaCoderProvider provider;

    private transient Schema parsedReader;
    private transient RegistryAvroDeserializationSchema<T> delegate;

    public ConfluentAvroDeserializationSchema(
            Class<T> recordClass, Schema readerSchema, ConfluentSchemaCoderProvider provider) {
        this.recordClass = recordClass;
        this.readerSchema = readerSchema.toString();
        this.provider = provider;
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        try {
            return delegate().deserialize(message);
        } catch (MalformedRecordException | RegistryException e) {
            // Header and registry failures happen before Avro reads a byte: nothing to reset.
            throw e;
        } catch (IOException | RuntimeException e) {
            // Flink's deserializer keeps a buffered decoder across records; after a short or
            // corrupt payload it may hold stale bytes, so the next record gets a fresh one.
            delegate = null;
            int id = WireFormat.schemaIdOf(message);
            throw new MalformedRecordException(
                    "Cannot decode the Avro payload of a record on topic '"
                            + provider.topic()
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

    @Override
    public boolean isEndOfStream(T nextElement) {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return delegate().getProducedType();
    }

    /** The reader schema records are resolved to. */
    public Schema readerSchema() {
        if (parsedReader == null) {
            parsedReader = new Schema.Parser().parse(readerSchema);
        }
        return parsedReader;
    }

    private RegistryAvroDeserializationSchema<T> delegate() {
        if (delegate == null) {
            delegate =
                    new RegistryAvroDeserializationSchema<>(recordClass, readerSchema(), provider);
        }
        return delegate;
    }
}
