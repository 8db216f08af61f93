package io.logflow.jobs.formats;

import java.nio.charset.StandardCharsets;

/**
 * JSON numbers in a line's bytes: the grammar checked ({@code -? (0 | [1-9][0-9]*) (. [0-9]+)?
 * ([eE] [+-]? [0-9]+)?}) and the value as a double, the same double Jackson's {@code
 * getDoubleValue} gives (an integer through a long, so {@code -0} is 0.0; a fraction correctly
 * rounded).
 */
final class JsonNumbers {

    /** Powers of ten that are exact doubles: a product or quotient with one rounds correctly. */
    private static final double[] EXACT = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private JsonNumbers() {}

    /** Checks the number at {@code i} and returns the offset after it. */
    static int skip(JsonScanner s, int i) throws UnparseableException {
        if (s.at(i) == '-') {
            i++;
        }
        int c = s.at(i);
        if (c == '0') {
            if (isDigit(s.at(++i))) {
                throw new UnparseableException(
                        "not valid JSON: a number with a leading zero at byte " + (i - 1));
            }
        } else if (c >= '1' && c <= '9') {
            i = digits(s, i + 1);
        } else {
            throw s.unexpected(i, "a digit");
        }
        if (s.at(i) == '.') {
            i = someDigits(s, i + 1);
        }
        c = s.at(i);
        if (c == 'e' || c == 'E') {
            c = s.at(++i);
            if (c == '+' || c == '-') {
                i++;
            }
            i = someDigits(s, i);
        }
        return i;
    }

    private static int someDigits(JsonScanner s, int i) throws UnparseableException {
        if (!isDigit(s.at(i))) {
            throw s.unexpected(i, "a digit");
        }
        return digits(s, i + 1);
    }

    private static int digits(JsonScanner s, int i) {
        while (isDigit(s.at(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The value of the valid number {@code [from, to)}. */
    static double value(byte[] b, int from, int to) {
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                scale -= fraction ? 1 : 0;
            }
        }
        if (i == to && !fraction && digits <= 18) {
            return negative ? -mantissa : mantissa;
        }
        int exponent = 0;
        boolean small = true;
        if (i < to) {
            int j = i + 1;
            boolean down = b[j] == '-';
            if (b[j] == '-' || b[j] == '+') {
                j++;
            }
            small = to - j <= 4;
            for (; small && j < to; j++) {
                exponent = exponent * 10 + (b[j] - '0');
            }
            exponent = down ? -exponent : exponent;
        }
        int power = scale + exponent;
        // Clinger's fast path: an exact mantissa times an exact power of ten, one rounding.
        if (small && digits <= 15 && power >= -22 && power <= 22) {
            double d = power < 0 ? mantissa / EXACT[-power] : (double) mantissa * EXACT[power];
            return negative ? -d : d;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }
}
