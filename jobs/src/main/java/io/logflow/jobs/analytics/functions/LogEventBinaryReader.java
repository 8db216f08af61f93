package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Reads a {@link LogEvent} written with LogFlow's own schema field by field, without Avro's
 * resolving grammar or its per-field class lookups: the common case, decoded at about what the
 * bytes cost. Any other writer schema (an older or newer version) goes through Avro's resolving
 * reader instead; {@link #reads(Schema)} says which.
 */
public final class LogEventBinaryReader {

    private static final long FINGERPRINT =
            SchemaNormalization.parsingFingerprint64(LogEvent.getClassSchema());
    private static final Level[] LEVELS = Level.values();

    private LogEventBinaryReader() {}

    /**
     * True when {@code writer} has the Parsing Canonical Form of this build's {@code LogEvent}, so
     * its binary layout is the one {@link #read} expects (docs and defaults do not change it).
     */
    public static boolean reads(Schema writer) {
        return SchemaNormalization.parsingFingerprint64(writer) == FINGERPRINT;
    }

    /** One event from {@code in}, which must hold exactly its Avro binary encoding. */
    public static LogEvent read(BoundedBinaryDecoder in) throws IOException {
        Instant timestamp = Instant.ofEpochMilli(in.readLong());
        String service = in.readString();
        String host = in.readString();
        Level level = level(in.readEnum());
        String logger = optionalString(in);
        String message = in.readString();
        String traceId = optionalString(in);
        HttpInfo http = null;
        if (union(in) == 1) {
            http =
                    new HttpInfo(
                            in.readString(),
                            in.readString(),
                            in.readInt(),
                            in.readDouble(),
                            in.readLong(),
                            optionalString(in),
                            optionalString(in));
        }
        Map<String, String> attributes = attributes(in);
        if (in.remaining() != 0) {
            throw new IOException(in.remaining() + " bytes left after the LogEvent");
        }
        return new LogEvent(
                timestamp, service, host, level, logger, message, traceId, http, attributes);
    }

    /**
     * The fields a {@link CompactEvent} keeps, into {@code out}, from {@code in}, which must hold
     * exactly one event's Avro binary encoding. Every skipped string and map is still checked
     * against the bytes left, so a record that lies is as malformed here as in {@link #read}.
     */
    public static CompactEvent readCompact(BoundedBinaryDecoder in, CompactEvent out)
            throws IOException {
        out.timestamp = in.readLong();
        out.service = in.readString();
        out.host = in.readString();
        out.level = level(in.readEnum());
        skipOptionalString(in);
        out.message = in.readString();
        skipOptionalString(in);
        out.http = union(in) == 1;
        if (out.http) {
            in.skipString();
            out.path = in.readString();
            out.status = in.readInt();
            out.latencyMs = in.readDouble();
            out.responseBytes = in.readLong();
            out.clientIp = optionalString(in);
            skipOptionalString(in);
        } else {
            // The instance is reused: nothing of the previous event may stay behind.
            out.path = null;
            out.status = 0;
            out.latencyMs = 0;
            out.responseBytes = 0;
            out.clientIp = null;
        }
        for (long n = in.skipMap(); n != 0; n = in.skipMap()) {
            for (long i = 0; i < n; i++) {
                in.skipString();
                in.skipString();
            }
        }
        if (in.remaining() != 0) {
            throw new IOException(in.remaining() + " bytes left after the LogEvent");
        }
        return out;
    }

    private static void skipOptionalString(BoundedBinaryDecoder in) throws IOException {
        if (union(in) == 1) {
            in.skipString();
        }
    }

    private static Level level(int index) throws IOException {
        if (index < 0 || index >= LEVELS.length) {
            throw new IOException("Level index " + index + " is not one of " + LEVELS.length);
        }
        return LEVELS[index];
    }

    private static int union(BoundedBinaryDecoder in) throws IOException {
        int branch = in.readIndex();
        if (branch != 0 && branch != 1) {
            throw new IOException("Union branch " + branch + " of a [null, T] union");
        }
        return branch;
    }

    private static String optionalString(BoundedBinaryDecoder in) throws IOException {
        return union(in) == 1 ? in.readString() : null;
    }

    private static Map<String, String> attributes(BoundedBinaryDecoder in) throws IOException {
        long n = in.readMapStart();
        if (n == 0) {
            return Collections.emptyMap();
        }
        Map<String, String> map = new HashMap<>();
        for (; n != 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                map.put(in.readString(), in.readString());
            }
        }
        return map;
    }
}
