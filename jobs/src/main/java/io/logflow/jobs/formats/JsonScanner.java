package io.logflow.jobs.formats;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Validating steps over one JSON text in UTF-8 bytes (RFC 8259): whitespace, strings, literals and
 * whole values skipped without building anything. Positions are byte offsets from 0; each step
 * returns the offset after what it read and throws {@link UnparseableException} naming the offset
 * and what was expected. Strings must be valid UTF-8 (no overlong forms, no encoded surrogates),
 * and containers nest at most {@link #MAX_NESTING} deep, Jackson's default limit. One per format
 * instance; not thread-safe.
 */
final class JsonScanner {

    /** The deepest nesting of objects and arrays accepted, the outermost object counting one. */
    static final int MAX_NESTING = 1000;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private static final int AFTER_OPEN = 0;
    private static final int ELEMENT = 1;
    private static final int AFTER_VALUE = 2;

    byte[] b;
    int n;

    /** Of the string {@link #string} read last: whether it had an escape, whether only ASCII. */
    boolean escaped;

    boolean ascii;

    /** Per open container of {@link #skipContainer}, whether it is an object. */
    private final long[] objects = new long[MAX_NESTING / 64 + 1];

    void reset(byte[] line) {
        b = line;
        n = line.length;
    }

    /** The byte at {@code i}, unsigned; -1 past the end. */
    int at(int i) {
        return i < n ? b[i] & 0xFF : -1;
    }

    int whitespace(int i) {
        byte[] b = this.b;
        for (int c; i < n && (c = b[i]) <= ' '; i++) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
        }
        return i;
    }

    /** Requires {@code c} at {@code i} (after whitespace) and returns the offset after it. */
    int expect(int i, char c, String what) throws UnparseableException {
        i = whitespace(i);
        if (at(i) != c) {
            throw unexpected(i, what);
        }
        return i + 1;
    }

    /**
     * Reads a string's content from {@code i}, just after its opening quote, and returns the offset
     * of its closing quote, setting {@link #escaped} and {@link #ascii}.
     */
    int string(int i) throws UnparseableException {
        int start = i - 1;
        byte[] b = this.b;
        int n = this.n;
        boolean escaped = false;
        boolean ascii = true;
        while (true) {
            i = plain(i);
            if (i >= n) {
                throw new UnparseableException(
                        "not valid JSON: the string at byte "
                                + start
                                + " does not end before the end of the record");
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                this.escaped = escaped;
                this.ascii = ascii;
                return i;
            } else if (c == '\\') {
                escaped = true;
                i = escape(i);
            } else if (c >= 0x80) {
                ascii = false;
                i = utf8(i);
            } else {
                throw new UnparseableException(
                        "not valid JSON: control character "
                                + hex(c)
                                + " in a string at byte "
                                + i
                                + " (it must be escaped)");
            }
        }
    }

    /**
     * The offset of the first byte from {@code i} on that is a quote, a backslash, a control or not
     * ASCII, or the end: eight bytes at a time.
     */
    int plain(int i) {
        byte[] b = this.b;
        int n = this.n;
        for (; i + 8 <= n; i += 8) {
            long x = (long) LONGS.get(b, i);
            long q = x ^ 0x2222222222222222L;
            long s = x ^ 0x5C5C5C5C5C5C5C5CL;
            long special =
                    (x | ((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - 0x20 * ONES) & ~x)) & HIGHS;
            if (special != 0) {
                // The lowest flagged byte is exact: borrows only carry upwards.
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
        }
        for (int c; i < n && (c = b[i]) >= 0x20 && c != '"' && c != '\\'; i++) {}
        return i;
    }

    private int escape(int i) throws UnparseableException {
        switch (at(i + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 2;
            case 'u':
                for (int j = i + 2; j < i + 6; j++) {
                    if (Character.digit(at(j), 16) < 0) {
                        throw unexpected(j, "a hex digit of a \\u escape");
                    }
                }
                return i + 6;
            default:
                throw unexpected(i + 1, "an escape (one of \"\\/bfnrtu) after '\\'");
        }
    }

    /** Checks the UTF-8 sequence that starts at {@code i} and returns the offset after it. */
    private int utf8(int i) throws UnparseableException {
        int c = b[i] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (c < 0xC2) {
            throw invalidUtf8(i);
        } else if (c < 0xE0) {
            length = 2;
        } else if (c < 0xF0) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c < 0xF5) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw invalidUtf8(i);
        }
        // The second byte's range excludes overlong forms, surrogates and code points past 10FFFF.
        int second = at(i + 1);
        if (second < low || second > high) {
            throw invalidUtf8(i);
        }
        for (int j = i + 2; j < i + length; j++) {
            if ((at(j) & 0xC0) != 0x80) {
                throw invalidUtf8(i);
            }
        }
        return i + length;
    }

    /** Skips the scalar value (string, number, true, false or null) at {@code i}. */
    int scalar(int i) throws UnparseableException {
        int c = at(i);
        if (c == '"') {
            return string(i + 1) + 1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return JsonNumbers.skip(this, i);
        } else if (c == 't') {
            return literal(i, "true");
        } else if (c == 'f') {
            return literal(i, "false");
        } else if (c == 'n') {
            return literal(i, "null");
        }
        throw unexpected(i, "a value");
    }

    int literal(int i, String word) throws UnparseableException {
        for (int j = 1; j < word.length(); j++) {
            if (at(i + j) != word.charAt(j)) {
                throw unexpected(i + j, "'" + word + "'");
            }
        }
        return i + word.length();
    }

    /**
     * Skips the object or array that opens at {@code i}, inside {@code outer} open containers,
     * without recursion: a bit per level says which kind is open.
     */
    int skipContainer(int i, int outer) throws UnparseableException {
        int depth = 0;
        int state = ELEMENT;
        boolean object = false;
        while (true) {
            if (state == ELEMENT) {
                if (object) {
                    i = expect(i, '"', "a field name");
                    i = string(i) + 1;
                    i = whitespace(expect(i, ':', "':'"));
                }
                int c = at(i);
                if (c == '{' || c == '[') {
                    if (outer + ++depth > MAX_NESTING) {
                        throw new UnparseableException(
                                "not valid JSON: nested deeper than "
                                        + MAX_NESTING
                                        + " at byte "
                                        + i);
                    }
                    object = c == '{';
                    setObject(depth, object);
                    i++;
                    state = AFTER_OPEN;
                    continue;
                }
                i = scalar(i);
                state = AFTER_VALUE;
            }
            i = whitespace(i);
            int c = at(i);
            int close = object ? '}' : ']';
            if (c == close) {
                i++;
                if (--depth == 0) {
                    return i;
                }
                object = isObject(depth);
                state = AFTER_VALUE;
            } else if (state == AFTER_VALUE && c == ',') {
                i = whitespace(i + 1);
                state = ELEMENT;
            } else if (state == AFTER_OPEN) {
                state = ELEMENT;
            } else {
                throw unexpected(i, object ? "',' or '}'" : "',' or ']'");
            }
        }
    }

    private void setObject(int depth, boolean object) {
        long bit = 1L << (depth & 63);
        objects[depth >>> 6] = object ? objects[depth >>> 6] | bit : objects[depth >>> 6] & ~bit;
    }

    private boolean isObject(int depth) {
        return (objects[depth >>> 6] & (1L << (depth & 63))) != 0;
    }

    UnparseableException unexpected(int i, String expected) {
        int c = at(i);
        String found;
        if (c < 0) {
            found = "unexpected end of the record at byte " + i;
        } else if (c > ' ' && c < 0x7F) {
            found = "unexpected character '" + (char) c + "' at byte " + i;
        } else {
            found = "unexpected byte " + hex(c) + " at byte " + i;
        }
        return new UnparseableException("not valid JSON: " + found + ", expected " + expected);
    }

    private UnparseableException invalidUtf8(int i) {
        return new UnparseableException(
                "not valid JSON: invalid UTF-8 sequence starting " + hex(at(i)) + " at byte " + i);
    }

    private static String hex(int c) {
        return String.format("0x%02x", c);
    }
}
