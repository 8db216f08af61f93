package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Framed Avro records with a valid header whose payload declares lengths it does not hold. */
public final class HostileRecords {

    private HostileRecords() {}

    /**
     * 30 bytes: the header of {@code framedLogEvent}, a timestamp, then a {@code service} string
     * declared 1.9 GB long — what put the job into an endless OutOfMemoryError restart loop.
     */
    public static byte[] hugeString(byte[] framedLogEvent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(framedLogEvent, 0, WireFormat.HEADER_LENGTH);
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            enc.writeLong(Instant.now().toEpochMilli());
            enc.writeInt(1_900_000_000);
            enc.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out.toByteArray(), 30);
    }

    /**
     * {@code framedLogEvent} (whose attributes map is empty, so its last byte closes the map) with
     * the map declaring 800 million entries instead.
     */
    public static byte[] hugeMap(byte[] framedLogEvent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(framedLogEvent, 0, framedLogEvent.length - 1);
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            enc.writeLong(800_000_000L);
            enc.writeString("k");
            enc.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
