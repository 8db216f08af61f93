package io.logflow.devstack.generator;

import io.logflow.connectors.serde.WireFormat;
import java.util.Arrays;

/**
 * Turns a valid Confluent-framed record into one of the malformed kinds a pipeline must survive.
 * Works in place where it can: the serializer hands out a fresh array per record.
 */
public final class Malformer {

    /** A schema id far above anything a registry hands out, so no registry has it. */
    public static final int UNKNOWN_SCHEMA_ID = 2_000_000_000;

    /** What a future wire-format version, or a non-Confluent producer, would put first. */
    public static final byte BAD_MAGIC_BYTE = 1;

    private Malformer() {}

    /** {@code framed} made malformed as {@code kind} says. */
    public static byte[] corrupt(RecordKind kind, byte[] framed) {
        if (framed.length <= WireFormat.HEADER_LENGTH) {
            throw new IllegalArgumentException("Not a framed record: " + framed.length + " bytes");
        }
        switch (kind) {
            case BAD_MAGIC:
                framed[0] = BAD_MAGIC_BYTE;
                return framed;
            case TRUNCATED_AVRO:
                // Decoding with the writer schema is deterministic, so a strict prefix runs out of
                // bytes before the last field: half the payload never decodes.
                int payload = framed.length - WireFormat.HEADER_LENGTH;
                return Arrays.copyOf(framed, WireFormat.HEADER_LENGTH + payload / 2);
            case UNKNOWN_SCHEMA_ID:
                WireFormat.writeHeader(UNKNOWN_SCHEMA_ID, framed, 0);
                return framed;
            default:
                throw new IllegalArgumentException(kind + " is not a malformed kind");
        }
    }
}
