package io.logflow.connectors.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over one record's bytes that checks every declared length against the
 * bytes left before it allocates anything.
 *
 * <p>Avro's own decoder trusts a string's, bytes' or collection's declared length: a 30-byte record
 * that declares a 1.9 GB string makes it allocate 1.9 GB, and the job dies of {@code
 * OutOfMemoryError} on every replay of that record. Here a string or bytes value can be at most as
 * long as what is left of the record, and a collection can have at most one item per byte left
 * (every item of a record LogFlow reads takes at least one byte), so one record never costs more
 * memory than a small multiple of its own size.
 */
public final class BoundedBinaryDecoder extends Decoder {

    private byte[] buf = new byte[0];
    private int pos;
    private int limit;

    /** Points the decoder at {@code length} bytes of {@code data} from {@code offset}. */
    public BoundedBinaryDecoder reset(byte[] data, int offset, int length) {
        this.buf = data;
        this.pos = offset;
        this.limit = offset + length;
        return this;
    }

    /** The bytes not read yet. */
    public int remaining() {
        return limit - pos;
    }

    @Override
    public void readNull() {}

    @Override
    public boolean readBoolean() throws IOException {
        require(1, "a boolean");
        int b = buf[pos++];
        if (b != 0 && b != 1) {
            throw new IOException("Invalid boolean byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            require(1, "an int");
            int b = buf[pos++] & 0xff;
            value |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return (value >>> 1) ^ -(value & 1);
            }
        }
        throw new IOException("Invalid int encoding: more than 5 bytes at offset " + pos);
    }

    @Override
    public long readLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            require(1, "a long");
            long b = buf[pos++] & 0xff;
            value |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return (value >>> 1) ^ -(value & 1);
            }
        }
        throw new IOException("Invalid long encoding: more than 10 bytes at offset " + pos);
    }

    @Override
    public float readFloat() throws IOException {
        require(4, "a float");
        int bits =
                (buf[pos] & 0xff)
                        | (buf[pos + 1] & 0xff) << 8
                        | (buf[pos + 2] & 0xff) << 16
                        | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8, "a double");
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = (bits << 8) | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buf, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = length("string");
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    @Override
    public void skipString() throws IOException {
        // Not "pos += length(..)": Java reads pos before length(..) moves it past the length.
        int length = length("string");
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length("bytes value");
        ByteBuffer result =
                old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        result.put(buf, pos, length).flip();
        pos += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = length("bytes value");
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length, "a fixed value");
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length, "a fixed value");
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return itemCount("array");
    }

    @Override
    public long arrayNext() throws IOException {
        return itemCount("array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("array");
    }

    @Override
    public long readMapStart() throws IOException {
        return itemCount("map");
    }

    @Override
    public long mapNext() throws IOException {
        return itemCount("map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    private int length(String what) throws IOException {
        return (int) fits(readInt(), "Declared " + what + " length ");
    }

    /** A block's item count; a negative count is followed by the block's size in bytes. */
    private long itemCount(String what) throws IOException {
        long count = readLong();
        if (count < 0) {
            count = -count;
            blockSize(what);
        }
        return fits(count, "Declared " + what + " of ", " items");
    }

    private long skipBlocks(String what) throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                return fits(count, "Declared " + what + " of ", " items");
            }
            long size = blockSize(what);
            pos += (int) size;
        }
    }

    private long blockSize(String what) throws IOException {
        return fits(readLong(), "Declared " + what + " block size ");
    }

    private long fits(long declared, String what) throws IOException {
        return fits(declared, what, "");
    }

    /**
     * {@code declared} when it is between 0 and the bytes left: no string, block or collection (one
     * byte per item at least) can be longer. Long.MIN_VALUE stays negative when negated.
     */
    private long fits(long declared, String what, String unit) throws IOException {
        if (declared < 0 || declared > remaining()) {
            throw new IOException(
                    what
                            + declared
                            + unit
                            + " does not fit the "
                            + remaining()
                            + " bytes left of the record");
        }
        return declared;
    }

    private void require(int bytes, String what) throws EOFException {
        if (bytes < 0 || bytes > limit - pos) {
            throw new EOFException(
                    "Record ends "
                            + Math.max(0, limit - pos)
                            + " bytes after offset "
                            + pos
                            + " while reading "
                            + what);
        }
    }
}
