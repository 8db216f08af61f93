package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.registry.UnsupportedSchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.Schema;
import org.apache.flink.formats.avro.SchemaCoder;

/**
 * Reads and writes the Confluent wire-format header for Flink's registry Avro serde, resolving ids
 * through a {@link RegistryClient}. One instance per (de)serializer, used by one thread.
 */
public final class ConfluentSchemaCoder implements SchemaCoder {

    private final RegistryClient client;
    private final String topic;
    private final boolean isKey;
    private final byte[] header = new byte[WireFormat.HEADER_LENGTH];

    // Flink passes the same Schema instance for every record, so an identity check skips the
    // registry cache's string key on the hot path.
    private Schema lastWritten;
    private int lastWrittenId;

    public ConfluentSchemaCoder(RegistryClient client, String topic, boolean isKey) {
        this.client = client;
        this.topic = topic;
        this.isKey = isKey;
    }

    @Override
    public Schema readSchema(InputStream in) throws IOException {
        int read = in.readNBytes(header, 0, WireFormat.HEADER_LENGTH);
        return schemaOf(readId(header, read));
    }

    /**
     * The schema id in the header of {@code message}.
     *
     * @throws MalformedRecordException if the bytes carry no Confluent wire-format header
     */
    public int readId(byte[] message) throws MalformedRecordException {
        return readId(message, Math.min(message.length, WireFormat.HEADER_LENGTH));
    }

    private int readId(byte[] bytes, int read) throws MalformedRecordException {
        if (read == 0) {
            throw new MalformedRecordException(
                    "Empty "
                            + part()
                            + " on topic '"
                            + topic
                            + "': no Confluent wire-format header",
                    -1,
                    null);
        }
        if (bytes[0] != WireFormat.MAGIC_BYTE) {
            throw new MalformedRecordException(
                    String.format(
                            "Unknown magic byte 0x%02x in %s on topic '%s' (expected 0x00):"
                                    + " not Confluent Schema Registry framed Avro",
                            bytes[0] & 0xff, part(), topic),
                    -1,
                    null);
        }
        if (read < WireFormat.HEADER_LENGTH) {
            throw new MalformedRecordException(
                    "Truncated header in "
                            + part()
                            + " on topic '"
                            + topic
                            + "': "
                            + read
                            + " of "
                            + WireFormat.HEADER_LENGTH
                            + " header bytes",
                    -1,
                    null);
        }
        return WireFormat.schemaIdOf(bytes);
    }

    /** The writer schema registered under {@code id}, with the topic and subject in errors. */
    public Schema schemaOf(int id) throws RegistryException {
        try {
            return client.getSchemaById(id);
        } catch (RegistryException e) {
            String prefix =
                    e.isNotFound() ? "Unknown schema id " + id : "Cannot resolve schema id " + id;
            String message =
                    prefix
                            + " in "
                            + part()
                            + " on topic '"
                            + topic
                            + "' (subject "
                            + topicSubject()
                            + "): "
                            + e.getMessage();
            throw e instanceof UnsupportedSchemaException
                    ? new UnsupportedSchemaException(message, e)
                    : new RegistryException(message, e);
        }
    }

    @Override
    public void writeSchema(Schema schema, OutputStream out) throws IOException {
        if (schema != lastWritten) {
            String subject = client.config().subjectNameStrategy().subject(topic, isKey, schema);
            try {
                lastWrittenId =
                        client.config().autoRegister()
                                ? client.register(subject, schema)
                                : client.getId(subject, schema);
            } catch (RegistryException e) {
                throw new RegistryException(
                        "Cannot get a schema id for "
                                + schema.getFullName()
                                + " on topic '"
                                + topic
                                + "' (subject "
                                + subject
                                + "): "
                                + e.getMessage(),
                        e);
            }
            lastWritten = schema;
        }
        WireFormat.writeHeader(lastWrittenId, header, 0);
        out.write(header);
    }

    private String part() {
        return isKey ? "record key" : "record value";
    }

    private String topicSubject() {
        return topic + (isKey ? "-key" : "-value");
    }
}
