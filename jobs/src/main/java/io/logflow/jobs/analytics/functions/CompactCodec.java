package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.formats.HttpMethods;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes a parsed event crosses the shuffle as, in the same {@link ShuffledEvent#value} slot
 * that carries an Avro record's original bytes: a marker no Confluent-framed record starts with
 * (those start with 0, and the Avro source dead-letters anything else before the shuffle), then the
 * compact fields in a fixed order. A raw line is parsed once, at the source; behind the shuffle
 * this is read back field by field, as cheap as the Avro projection.
 *
 * <p>The bytes live only in flight between two tasks of one run: no state holds a {@link
 * ShuffledEvent} or a {@link CompactEvent} (the windows keep accumulators, the miner its templates)
 * and checkpoints are aligned, so no snapshot keeps in-flight records. The layout may therefore
 * change between versions without a version of its own.
 */
public final class CompactCodec {

    /** First byte of an encoded parsed event ('P'). */
    public static final byte MARKER = 0x50;

    private static final Level[] LEVELS = Level.values();

    private byte[] buf = new byte[256];
    private int pos;

    /** Whether {@code value} is an encoded parsed event rather than Confluent-framed Avro. */
    public static boolean isParsed(byte[] value) {
        return value.length > 0 && value[0] == MARKER;
    }

    /** {@code e} as bytes; a new array each call, as it goes on in its own record. */
    public byte[] encode(CompactEvent e) {
        pos = 0;
        put((byte) MARKER);
        put((byte) (e.http ? 1 : 0));
        putLong(e.timestamp);
        put((byte) e.level.ordinal());
        putString(e.service);
        putString(e.host);
        putString(e.message);
        if (e.http) {
            putString(e.path);
            putInt(e.status);
            putLong(Double.doubleToRawLongBits(e.latencyMs));
            putLong(e.responseBytes);
            putString(e.clientIp);
            putString(e.method);
            putString(e.userAgent);
        }
        return Arrays.copyOf(buf, pos);
    }

    /** Reads what {@link #encode} wrote into {@code out}; the origin is left to the caller. */
    public static CompactEvent decode(byte[] value, CompactEvent out) {
        Reader r = new Reader(value);
        r.pos = 1;
        boolean http = value[r.pos++] == 1;
        long timestamp = r.getLong();
        Level level = LEVELS[value[r.pos++]];
        out.reset(timestamp, r.getString());
        out.level = level;
        out.host = r.getString();
        out.message = r.getString();
        out.http = http;
        if (http) {
            out.path = r.getString();
            out.status = r.getInt();
            out.latencyMs = Double.longBitsToDouble(r.getLong());
            out.responseBytes = r.getLong();
            out.clientIp = r.getString();
            out.method = r.getMethod();
            out.userAgent = r.getString();
        }
        return out;
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    private void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    /** Length -1 for null, else the UTF-8 length and bytes. */
    private void putString(String s) {
        if (s == null) {
            putInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int getInt() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        long getLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }

        String getString() {
            int n = getInt();
            if (n < 0) {
                return null;
            }
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** As {@link #getString}, with the common methods as their shared strings. */
        String getMethod() {
            int n = getInt();
            if (n < 0) {
                return null;
            }
            String s = HttpMethods.of(b, pos, pos + n);
            pos += n;
            return s;
        }
    }
}
