package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.registry.UnsupportedSchemaException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;

/**
 * Reads Confluent-framed Avro with LogFlow's error contract: every failure is an {@link
 * IOException} that names the topic and schema id — {@link MalformedRecordException} for bytes that
 * cannot decode, {@link RegistryException} for ids the registry cannot resolve, {@link
 * UnsupportedSchemaException} for ids whose schema is not Avro or not readable as the reader's —
 * and a bad record never affects the next one.
 *
 * <p>One resolved reader per writer schema id, decoding straight from the record's bytes with a
 * {@link BoundedBinaryDecoder}, so a hostile length costs an error, not the heap. A final registry
 * answer for an id (unknown, not Avro, rejected) is remembered for {@link #NEGATIVE_CACHE_NANOS},
 * so a flood of such records does not become a flood of registry calls.
 */
public class ConfluentAvroDeserializationSchema<T> implements DeserializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** How long a final registry failure for one schema id is answered from memory. */
    static final long NEGATIVE_CACHE_NANOS = 60_000_000_000L;

    private final Class<T> recordClass;
    private final String readerSchema;
    private final ConfluentSchemaCoderProvider provider;

    private transient Schema parsedReader;
    private transient ConfluentSchemaCoder coder;
    private transient Map<Integer, DatumReader<T>> readers;
    private transient Map<Integer, Failure> failures;
    private transient BoundedBinaryDecoder decoder;

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
        if (coder == null) {
            coder = (ConfluentSchemaCoder) provider.get();
            readers = new HashMap<>();
            failures = new HashMap<>();
            decoder = new BoundedBinaryDecoder();
        }
        int id = coder.readId(message);
        DatumReader<T> reader = readerFor(id);
        decoder.reset(message, WireFormat.HEADER_LENGTH, message.length - WireFormat.HEADER_LENGTH);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw MalformedRecordException.payload(provider.topic(), id, message.length, e);
        }
    }

    private DatumReader<T> readerFor(int id) throws RegistryException {
        DatumReader<T> reader = readers.get(id);
        if (reader != null) {
            return reader;
        }
        Failure failure = failures.get(id);
        if (failure != null && System.nanoTime() < failure.expiresAt) {
            throw failure.error;
        }
        try {
            reader = newReader(id, coder.schemaOf(id));
        } catch (RegistryException e) {
            if (!e.isRetriable()) {
                failures.put(id, new Failure(e, System.nanoTime() + NEGATIVE_CACHE_NANOS));
            }
            throw e;
        }
        failures.remove(id);
        readers.put(id, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(int id, Schema writer) throws UnsupportedSchemaException {
        Schema reader = readerSchema();
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new UnsupportedSchemaException(
                    "The writer schema id "
                            + id
                            + " ("
                            + writer.getFullName()
                            + ") on topic '"
                            + provider.topic()
                            + "' cannot be read as "
                            + reader.getFullName()
                            + ": "
                            + compatibility.getResult().getIncompatibilities().stream()
                                    .limit(3)
                                    .map(i -> i.getType() + " at " + i.getLocation())
                                    .collect(Collectors.joining("; ")));
        }
        if (SpecificRecord.class.isAssignableFrom(recordClass)) {
            return new SpecificDatumReader<>(
                    writer, reader, new SpecificData(recordClass.getClassLoader()));
        }
        return (DatumReader<T>) new GenericDatumReader<GenericRecord>(writer, reader);
    }

    @Override
    public boolean isEndOfStream(T nextElement) {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeInformation<T> getProducedType() {
        if (SpecificRecord.class.isAssignableFrom(recordClass)) {
            return new AvroTypeInfo(recordClass);
        }
        return (TypeInformation<T>) new GenericRecordAvroTypeInfo(readerSchema());
    }

    /** The reader schema records are resolved to. */
    public Schema readerSchema() {
        if (parsedReader == null) {
            parsedReader = new Schema.Parser().parse(readerSchema);
        }
        return parsedReader;
    }

    private record Failure(RegistryException error, long expiresAt) {}
}
