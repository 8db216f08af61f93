package io.logflow.jobs.formats;

/**
 * Durations as structured logs write them, to millis: a plain number is millis; with a unit, Go's
 * {@code time.Duration} spelling ({@code 250us}, {@code 250µs}, {@code 12ms}, {@code 1.5s}, {@code
 * 1m2.5s}, also ns and h).
 */
final class Durations {

    private Durations() {}

    /** Millis of the duration {@code [from, to)}, or NaN when it is not one. */
    static double parseMillis(byte[] b, int from, int to) {
        if (from >= to || to - from > 64) {
            return Double.NaN;
        }
        double total = 0;
        int i = from;
        while (i < to) {
            int number = i;
            while (i < to && (Timestamps.isDigit(b[i]) || b[i] == '.')) {
                i++;
            }
            int unit = i;
            while (i < to && !Timestamps.isDigit(b[i]) && b[i] != '.') {
                i++;
            }
            if (unit == i && number != from) {
                return Double.NaN; // only a lone number is unitless: "1m30" is no duration
            }
            int shift = unit == i ? 0 : shift(b, unit, i);
            if (shift == NO_UNIT) {
                return Double.NaN;
            }
            // Minutes and hours are whole multiples of a second; the rest are powers of ten.
            int times = unit == i ? 1 : minutesOrHours(b, unit, i);
            double value = Bytes.parseDecimal(b, number, unit, shift);
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            total += value * times;
        }
        return total;
    }

    private static final int NO_UNIT = Integer.MIN_VALUE;

    /** The power of ten from the unit to millis (seconds for m and h), or NO_UNIT. */
    private static int shift(byte[] b, int from, int to) {
        int len = to - from;
        byte c = b[from];
        if (len == 1) {
            return c == 's' || c == 'm' || c == 'h' ? 3 : NO_UNIT;
        }
        if (len == 2 && b[from + 1] == 's') {
            return c == 'm' ? 0 : c == 'u' ? -3 : c == 'n' ? -6 : NO_UNIT;
        }
        // U+00B5 micro sign (what Go prints) and U+03BC Greek mu, each two bytes in UTF-8.
        if (len == 3 && b[from + 2] == 's') {
            boolean micro = c == (byte) 0xC2 && b[from + 1] == (byte) 0xB5;
            boolean mu = c == (byte) 0xCE && b[from + 1] == (byte) 0xBC;
            return micro || mu ? -3 : NO_UNIT;
        }
        return NO_UNIT;
    }

    private static int minutesOrHours(byte[] b, int from, int to) {
        if (to - from != 1) {
            return 1;
        }
        return b[from] == 'm' ? 60 : b[from] == 'h' ? 3600 : 1;
    }
}
