package io.logflow.connectors.serde;

import java.io.IOException;

/**
 * A record whose bytes are not Confluent-framed Avro of its writer schema: wrong magic byte,
 * truncated header, or a payload that does not decode. Retrying cannot help.
 */
public class MalformedRecordException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int schemaId;

    public MalformedRecordException(String message, int schemaId, Throwable cause) {
        super(message, cause);
        this.schemaId = schemaId;
    }

    /** A payload after a valid header that does not decode: names topic, id, size and why. */
    public static MalformedRecordException payload(
            String topic, int schemaId, int length, Throwable cause) {
        return new MalformedRecordException(
                "Cannot decode the Avro payload of a record on topic '"
                        + topic
                        + "' with schema id "
                        + schemaId
                        + " ("
                        + length
                        + " bytes): truncated or corrupt ("
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                        + ")",
                schemaId,
                cause);
    }

    /** The schema id from the header, or -1 when the header itself was unreadable. */
    public int schemaId() {
        return schemaId;
    }
}
