package io.logflow.jobs.formats;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamp parsing for the text formats, to epoch millis; {@link #INVALID} when a value is not of
 * the shape asked for, since a bad timestamp is common enough that an exception per line costs.
 *
 * <p>Byte ranges are {@code [from, to)} of ASCII text; the {@code String} overloads are for callers
 * that already hold one (they copy, so keep them off the per-event path of byte formats). Times
 * without a zone (RFC 3164, glog, log4j's default layout, ISO without offset) are read as UTC: the
 * line does not say, and the job's windows are in UTC. Fractions finer than a millisecond are
 * truncated.
 */
public final class Timestamps {

    /** What every parser returns for a value it cannot read. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long DAY_MS = 86_400_000L;

    // Epoch magnitudes: 1e11 seconds is the year 5138 while 1e11 millis is 1973-03-03, and so on
    // per factor of 1000, so any event time between 1973 and 5138 is read in the right unit.
    static final long MILLIS_FROM = 100_000_000_000L;
    static final long MICROS_FROM = 100_000_000_000_000L;
    static final long NANOS_FROM = 100_000_000_000_000_000L;

    private static final DateTimeFormatter ISO_FALLBACK =
            DateTimeFormatter.ISO_DATE_TIME.withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** RFC 3339 / ISO 8601 date-time of the whole range. */
    public static long parseIso(byte[] b, int from, int to) {
        long fast = isoFast(b, from, to);
        if (fast != INVALID || to - from > 64) {
            return fast;
        }
        return isoFallback(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** RFC 3339 / ISO 8601 date-time, e.g. {@code 2026-11-26T10:00:00.123+01:00}. */
    public static long parseIso(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return parseIso(b, 0, b.length);
    }

    /**
     * The length of the ISO date-time at {@code from} ({@code 2026-11-26T10:00:00.123Z} or with a
     * space for {@code T}), or -1: for lines where the timestamp is followed by more text.
     */
    public static int isoLength(byte[] b, int from, int to) {
        int i = from + 19;
        if (i > to || !digits(b, from, 4) || b[from + 4] != '-' || b[from + 7] != '-') {
            return -1;
        }
        byte t = b[from + 10];
        if ((t != 'T' && t != 't' && t != ' ') || b[from + 13] != ':' || b[from + 16] != ':') {
            return -1;
        }
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            i++;
            while (i < to && isDigit(b[i])) {
                i++;
            }
        }
        if (i < to && (b[i] == 'Z' || b[i] == 'z')) {
            return i + 1 - from;
        }
        if (i + 3 <= to && (b[i] == '+' || b[i] == '-') && digits(b, i + 1, 2)) {
            if (i + 6 <= to && b[i + 3] == ':' && digits(b, i + 4, 2)) {
                return i + 6 - from;
            }
            return (i + 5 <= to && digits(b, i + 3, 2) ? i + 5 : i + 3) - from;
        }
        return i - from;
    }

    // The shape nearly every shipper writes: yyyy-MM-dd[T ]HH:mm:ss[.f+][Z|+hh[:mm]|none].
    private static long isoFast(byte[] b, int from, int to) {
        if (to - from < 19 || isoLength(b, from, to) != to - from) {
            return INVALID;
        }
        int year = num(b, from, 4);
        int month = num(b, from + 5, 2);
        int day = num(b, from + 8, 2);
        int hour = num(b, from + 11, 2);
        int minute = num(b, from + 14, 2);
        int second = num(b, from + 17, 2);
        if ((month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        long millis = epochDay(year, month, day);
        if (millis == INVALID) {
            return INVALID;
        }
        millis = millis * DAY_MS + hour * 3_600_000L + minute * 60_000L + second * 1000L;
        int i = from + 19;
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            int start = ++i;
            while (i < to && isDigit(b[i])) {
                i++;
            }
            if (i == start) {
                return INVALID;
            }
            millis += fractionMillis(b, start, i);
        }
        if (i == to || b[i] == 'Z' || b[i] == 'z') {
            return millis;
        }
        int sign = b[i] == '-' ? 1 : -1;
        int offH = num(b, i + 1, 2);
        int offM = to - i == 6 ? num(b, i + 4, 2) : to - i == 5 ? num(b, i + 3, 2) : 0;
        if (offH > 18 || offM > 59) {
            return INVALID;
        }
        return millis + sign * (offH * 3_600_000L + offM * 60_000L);
    }

    // Rarer shapes (no seconds, week dates, a zone id): java.time, which throws when it fails.
    private static long isoFallback(String s) {
        try {
            // The formatter's zone applies only when the text has no offset of its own.
            return Instant.from(ISO_FALLBACK.parse(s.replace(' ', 'T'))).toEpochMilli();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /**
     * An epoch number, unit by magnitude: below 1e11 seconds, below 1e14 millis, below 1e17 micros,
     * else nanos; a fraction ({@code 1732615200.123}) is of that unit.
     */
    public static long parseEpoch(byte[] b, int from, int to) {
        int i = from;
        long whole = 0;
        while (i < to && isDigit(b[i])) {
            if (whole > (Long.MAX_VALUE - 9) / 10) {
                return INVALID;
            }
            whole = whole * 10 + (b[i++] - '0');
        }
        if (i == from) {
            return INVALID;
        }
        long fractionNanos = 0;
        if (i < to && b[i] == '.') {
            int start = ++i;
            while (i < to && isDigit(b[i])) {
                i++;
            }
            if (i == start) {
                return INVALID;
            }
            fractionNanos = fractionNanos(b, start, i);
        }
        if (i != to) {
            return INVALID;
        }
        if (whole < MILLIS_FROM) {
            return whole * 1000 + fractionNanos / 1_000_000;
        }
        if (whole < MICROS_FROM) {
            return whole;
        }
        return whole < NANOS_FROM ? whole / 1000 : whole / 1_000_000;
    }

    /** {@link #parseEpoch(byte[], int, int)} of a string. */
    public static long parseEpoch(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return parseEpoch(b, 0, b.length);
    }

    /** An integral epoch number (a JSON number, say), unit by magnitude as {@link #parseEpoch}. */
    public static long fromEpoch(long value) {
        if (value < 0) {
            return INVALID;
        }
        if (value < MILLIS_FROM) {
            return value * 1000;
        }
        if (value < MICROS_FROM) {
            return value;
        }
        return value < NANOS_FROM ? value / 1000 : value / 1_000_000;
    }

    /** CLF, as nginx's {@code $time_local} and Apache's {@code %t}: 10/Oct/2000:13:55:36 -0700. */
    public static long parseClf(byte[] b, int from, int to) {
        if (to - from != 26 || b[from + 2] != '/' || b[from + 6] != '/' || b[from + 11] != ':') {
            return INVALID;
        }
        if (b[from + 14] != ':' || b[from + 17] != ':' || b[from + 20] != ' ') {
            return INVALID;
        }
        byte sign = b[from + 21];
        int day = num(b, from, 2);
        int month = month(b, from + 3);
        int year = num(b, from + 7, 4);
        int h = num(b, from + 12, 2);
        int m = num(b, from + 15, 2);
        int s = num(b, from + 18, 2);
        int offH = num(b, from + 22, 2);
        int offM = num(b, from + 24, 2);
        if ((day | month | year | h | m | s | offH | offM) < 0 || (sign != '+' && sign != '-')) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        if (epochDay == INVALID || h > 23 || m > 59 || s > 59 || offM > 59) {
            return INVALID;
        }
        long offset = (sign == '-' ? 1 : -1) * (offH * 3_600_000L + offM * 60_000L);
        return epochDay * DAY_MS + h * 3_600_000L + m * 60_000L + s * 1000L + offset;
    }

    /**
     * The length of the RFC 3164 timestamp at {@code from} ({@code Oct 11 22:14:15}, {@code Oct 1
     * ...}, and the non-standard {@code Oct 1 ...}), or -1.
     */
    public static int rfc3164Length(byte[] b, int from, int to) {
        if (to - from < 14 || b[from + 3] != ' ' || month(b, from) < 0) {
            return -1;
        }
        int len = b[from + 5] == ' ' ? 14 : 15;
        if (len > to - from || !isDigit(b[from + len - 10])) {
            return -1;
        }
        return len;
    }

    /**
     * An RFC 3164 timestamp of the whole range, which has no year and no zone: the year is the one
     * that puts it nearest {@code recordTimestamp}, the time UTC.
     */
    public static long parseRfc3164(byte[] b, int from, int to, long recordTimestamp) {
        int len = rfc3164Length(b, from, to);
        if (len != to - from) {
            return INVALID;
        }
        int month = month(b, from);
        int day = len == 14 ? num(b, from + 4, 1) : dayPadded(b, from + 4);
        int t = to - 8;
        if (day < 1 || b[t - 1] != ' ' || b[t + 2] != ':' || b[t + 5] != ':') {
            return INVALID;
        }
        long ofDay = timeOfDay(num(b, t, 2), num(b, t + 3, 2), num(b, t + 6, 2));
        return ofDay < 0 ? INVALID : withNearestYear(month, day, ofDay, recordTimestamp);
    }

    /**
     * The instant of a year-less month, day and UTC time of day, in whichever of the record's year,
     * the one before and the one after lies nearest the record: a Dec 31 line read on Jan 1 is last
     * year's, a Jan 1 line stamped Dec 31 next year's.
     */
    public static long withNearestYear(int month, int day, long millisOfDay, long recordTimestamp) {
        int year = LocalDate.ofEpochDay(Math.floorDiv(recordTimestamp, DAY_MS)).getYear();
        long best = INVALID;
        for (int y = year - 1; y <= year + 1; y++) {
            long epochDay = epochDay(y, month, day);
            if (epochDay == INVALID) {
                continue; // Feb 29 of a year that has none
            }
            long t = epochDay * DAY_MS + millisOfDay;
            if (best == INVALID
                    || Math.abs(t - recordTimestamp) < Math.abs(best - recordTimestamp)) {
                best = t;
            }
        }
        return best;
    }

    /** Millis of an {@code HH:mm:ss} time of day, or -1 when a part is out of range or missing. */
    static long timeOfDay(int h, int m, int s) {
        if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59) {
            return -1;
        }
        return h * 3_600_000L + m * 60_000L + s * 1000L;
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date, or INVALID when there is no such day.
     */
    static long epochDay(int year, int month, int day) {
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        // Shift the year to start in March, so the leap day is the year's last (civil-from-days).
        int y = month <= 2 ? year - 1 : year;
        int era = y / 400;
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** 1-12 for a three-letter English month name at {@code at}, any case; -1 otherwise. */
    static int month(byte[] b, int at) {
        int key = ((b[at] | 0x20) << 16) | ((b[at + 1] | 0x20) << 8) | (b[at + 2] | 0x20);
        return switch (key) {
            case 0x6a616e -> 1; // jan
            case 0x666562 -> 2;
            case 0x6d6172 -> 3;
            case 0x617072 -> 4;
            case 0x6d6179 -> 5;
            case 0x6a756e -> 6;
            case 0x6a756c -> 7;
            case 0x617567 -> 8;
            case 0x736570 -> 9;
            case 0x6f6374 -> 10;
            case 0x6e6f76 -> 11;
            case 0x646563 -> 12;
            default -> -1;
        };
    }

    private static int dayPadded(byte[] b, int at) {
        return b[at] == ' ' ? num(b, at + 1, 1) : num(b, at, 2);
    }

    static long fractionMillis(byte[] b, int from, int to) {
        return fractionNanos(b, from, to) / 1_000_000;
    }

    private static long fractionNanos(byte[] b, int from, int to) {
        long nanos = 0;
        for (int i = 0; i < 9; i++) {
            nanos = nanos * 10 + (from + i < to ? b[from + i] - '0' : 0);
        }
        return nanos;
    }

    /** The decimal value of {@code len} digits at {@code at}, or -1 when one is not a digit. */
    static int num(byte[] b, int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; i++) {
            if (i >= b.length || !isDigit(b[i])) {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static boolean digits(byte[] b, int at, int len) {
        return num(b, at, len) >= 0;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
