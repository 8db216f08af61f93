package io.logflow.jobs.formats;

import java.nio.charset.StandardCharsets;

/** Scanning helpers over byte ranges {@code [from, to)} that the text formats share. */
final class Bytes {

    private Bytes() {}

    static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The end of the line without trailing CR, LF and blanks. */
    static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == '\n' || b[to - 1] == '\r' || b[to - 1] == ' ')) {
            to--;
        }
        return to;
    }

    static int skipSpaces(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        return from;
    }

    /** The end of the token at {@code from}: the next space or tab, or {@code to}. */
    static int tokenEnd(byte[] b, int from, int to) {
        while (from < to && b[from] != ' ' && b[from] != '\t') {
            from++;
        }
        return from;
    }

    /** Invalid UTF-8 becomes U+FFFD rather than an exception: a line keeps what can be read. */
    static String utf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A non-negative decimal integer of the whole range, or -1 (also on overflow). */
    static long parseLong(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static final double[] POW10 = {
        1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21
    };

    /**
     * A non-negative decimal such as {@code 0.123} or {@code 12}, times ten to the {@code shift} (3
     * reads seconds as millis); NaN when it is not one or has more than 18 digits. The digits are
     * read as one integer and scaled once, so {@code 0.123} seconds is exactly 123 millis.
     */
    static double parseDecimal(byte[] b, int from, int to, int shift) {
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                fractionDigits += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exp = shift - fractionDigits;
        return exp >= 0 ? mantissa * POW10[exp] : mantissa / POW10[-exp];
    }

    static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
