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

    /** A non-negative decimal number such as {@code 0.123} or {@code 12}; NaN when it is not. */
    static double parseDecimal(byte[] b, int from, int to) {
        long whole = 0;
        long fraction = 0;
        long scale = 1;
        int i = from;
        for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
            whole = whole * 10 + (b[i] - '0');
        }
        boolean digits = i > from;
        if (i < to && b[i] == '.') {
            // Nine fractional digits are more than any log carries; the rest is dropped.
            for (i++; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                if (scale < 1_000_000_000L) {
                    fraction = fraction * 10 + (b[i] - '0');
                    scale *= 10;
                }
                digits = true;
            }
        }
        if (!digits || i != to || i - from > 30) {
            return Double.NaN;
        }
        return whole + (double) fraction / scale;
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
