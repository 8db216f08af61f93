package io.logflow.connectors.serde;

/**
 * Confluent Schema Registry wire format: magic byte 0, a 4-byte big-endian schema id, then the Avro
 * binary encoding.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** The schema id of a framed record, or -1 when the bytes carry no valid header. */
    public static int schemaIdOf(byte[] message) {
        if (message == null || message.length < HEADER_LENGTH || message[0] != MAGIC_BYTE) {
            return -1;
        }
        return ((message[1] & 0xff) << 24)
                | ((message[2] & 0xff) << 16)
                | ((message[3] & 0xff) << 8)
                | (message[4] & 0xff);
    }

    /** Writes the 5-byte header for {@code schemaId} into {@code target} at {@code offset}. */
    public static void writeHeader(int schemaId, byte[] target, int offset) {
        target[offset] = MAGIC_BYTE;
        target[offset + 1] = (byte) (schemaId >>> 24);
        target[offset + 2] = (byte) (schemaId >>> 16);
        target[offset + 3] = (byte) (schemaId >>> 8);
        target[offset + 4] = (byte) schemaId;
    }
}
