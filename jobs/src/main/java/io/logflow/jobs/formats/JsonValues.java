package io.logflow.jobs.formats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values one JSON line gives the fields of {@link JsonFields}, kept without building what the
 * format may not need: a number as a double, a string without escapes as its byte range in the line
 * (a time or level is then read from those bytes with no string at all), anything else as text.
 * Reused across lines; one per format instance.
 */
final class JsonValues {

    private static final byte NONE = 0;
    private static final byte NUMBER = 1;
    private static final byte RAW = 2;
    private static final byte TEXT = 3;

    private final byte[] kind = new byte[JsonFields.COUNT];
    private final double[] number = new double[JsonFields.COUNT];
    private final int[] from = new int[JsonFields.COUNT];
    private final int[] to = new int[JsonFields.COUNT];
    private final boolean[] ascii = new boolean[JsonFields.COUNT];
    private final String[] text = new String[JsonFields.COUNT];

    /** Per field, the rank of the key its value came from; MAX_VALUE when none did yet. */
    final int[] rank = new int[JsonFields.COUNT];

    /** Per field, the key its value came from. */
    final String[] key = new String[JsonFields.COUNT];

    private byte[] line;

    void reset(byte[] line) {
        this.line = line;
        Arrays.fill(kind, NONE);
        Arrays.fill(rank, Integer.MAX_VALUE);
    }

    /** Whether a candidate of {@code field} ranked {@code r} beats what the field holds. */
    boolean better(int field, int r) {
        return r < rank[field];
    }

    void claim(int field, int r, String k) {
        rank[field] = r;
        key[field] = k;
        kind[field] = NONE;
    }

    void number(int field, double d) {
        kind[field] = NUMBER;
        number[field] = d;
    }

    void text(int field, String s) {
        kind[field] = TEXT;
        text[field] = s;
    }

    /** Keeps a string without escapes as its content's bytes {@code [from, to)} in the line. */
    void raw(int field, int from, int to, boolean ascii) {
        kind[field] = RAW;
        this.from[field] = from;
        this.to[field] = to;
        this.ascii[field] = ascii;
    }

    boolean has(int field) {
        return kind[field] != NONE;
    }

    boolean isNumber(int field) {
        return kind[field] == NUMBER;
    }

    double numberOf(int field) {
        return number[field];
    }

    /** Whether the value is ASCII bytes of the line, readable by the byte parsers. */
    boolean isAsciiBytes(int field) {
        return kind[field] == RAW && ascii[field];
    }

    byte[] line() {
        return line;
    }

    int from(int field) {
        return from[field];
    }

    int to(int field) {
        return to[field];
    }

    /** The value as text (a number as written without a needless fraction); null when none. */
    String string(int field) {
        switch (kind[field]) {
            case NUMBER:
                return number(number[field]);
            case RAW:
                return new String(
                        line, from[field], to[field] - from[field], StandardCharsets.UTF_8);
            case TEXT:
                return text[field];
            default:
                return null;
        }
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString((long) d)
                : Double.toString(d);
    }
}
