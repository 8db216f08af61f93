package io.logflow.jobs.formats;

import io.logflow.schema.Level;

/**
 * Every common spelling of a log level to {@link Level}, or null when it is none (the caller keeps
 * INFO).
 *
 * <p>Words in any case: trace; debug, dbg, and java.util.logging's fine (DEBUG), finer and finest
 * (TRACE); info, information, informational, notice, config; warn, warning; error, err, severe;
 * fatal, critical, crit, alert, emerg, emergency, panic. Single letters T, D, I, W, E, F. A lone
 * digit 0-7 is a syslog severity ({@link #fromSyslogSeverity}); OpenTelemetry severity numbers
 * overlap it, so a caller that knows it holds one calls {@link #fromOtelSeverity}.
 */
public final class Levels {

    private static final String[] WORDS = {
        "trace",
        "finer",
        "finest",
        "t",
        "debug",
        "dbg",
        "fine",
        "d",
        "info",
        "information",
        "notice",
        "config",
        "i",
        "warn",
        "warning",
        "w",
        "error",
        "err",
        "severe",
        "e",
        "fatal",
        "critical",
        "crit",
        "alert",
        "emerg",
        "emergency",
        "panic",
        "f"
    };
    private static final Level[] LEVELS = {
        Level.TRACE,
        Level.TRACE,
        Level.TRACE,
        Level.TRACE,
        Level.DEBUG,
        Level.DEBUG,
        Level.DEBUG,
        Level.DEBUG,
        Level.INFO,
        Level.INFO,
        Level.INFO,
        Level.INFO,
        Level.INFO,
        Level.WARN,
        Level.WARN,
        Level.WARN,
        Level.ERROR,
        Level.ERROR,
        Level.ERROR,
        Level.ERROR,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL,
        Level.FATAL
    };

    // OpenTelemetry's severity numbers come in groups of four per level.
    private static final Level[] OTEL = {
        Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL
    };

    // Twelve letters of five bits fit a long, so a word is compared as one number, whatever its
    // case; "informational" is the one word longer than that.
    private static final int MAX_PACKED = 12;
    private static final long[] KEYS = new long[WORDS.length];
    private static final String LONGEST = "informational";

    static {
        for (int i = 0; i < WORDS.length; i++) {
            KEYS[i] = pack(WORDS[i]);
        }
    }

    private Levels() {}

    /** The level spelled by bytes {@code [from, to)}, or null. */
    public static Level parse(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 1 && b[from] >= '0' && b[from] <= '7') {
            return fromSyslogSeverity(b[from] - '0');
        }
        if (len == LONGEST.length()) {
            for (int i = 0; i < len; i++) {
                if ((b[from + i] | 0x20) != LONGEST.charAt(i)) {
                    return null;
                }
            }
            return Level.INFO;
        }
        if (len < 1 || len > MAX_PACKED) {
            return null;
        }
        long key = 0;
        for (int i = from; i < to; i++) {
            int c = letter(b[i]);
            if (c < 0) {
                return null;
            }
            key = key << 5 | c;
        }
        return byKey(key);
    }

    /** The level spelled by {@code s}, or null. */
    public static Level parse(CharSequence s) {
        int len = s == null ? 0 : s.length();
        if (len == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '7') {
            return fromSyslogSeverity(s.charAt(0) - '0');
        }
        if (len == LONGEST.length()) {
            return LONGEST.equalsIgnoreCase(s.toString()) ? Level.INFO : null;
        }
        if (len < 1 || len > MAX_PACKED) {
            return null;
        }
        long key = 0;
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            int c = ch > 0x7f ? -1 : letter((byte) ch);
            if (c < 0) {
                return null;
            }
            key = key << 5 | c;
        }
        return byKey(key);
    }

    /**
     * A syslog severity (RFC 5424 table 2): 0-2 emergency, alert, critical are FATAL; 3 ERROR; 4
     * WARN; 5-6 notice, informational are INFO; 7 DEBUG. Null outside 0-7.
     */
    public static Level fromSyslogSeverity(int severity) {
        return switch (severity) {
            case 0, 1, 2 -> Level.FATAL;
            case 3 -> Level.ERROR;
            case 4 -> Level.WARN;
            case 5, 6 -> Level.INFO;
            case 7 -> Level.DEBUG;
            default -> null;
        };
    }

    /**
     * An OpenTelemetry SeverityNumber: 1-4 TRACE, 5-8 DEBUG, 9-12 INFO, 13-16 WARN, 17-20 ERROR,
     * 21-24 FATAL. Null outside 1-24 (0 is UNSPECIFIED).
     */
    public static Level fromOtelSeverity(int number) {
        if (number < 1 || number > 24) {
            return null;
        }
        return OTEL[(number - 1) / 4];
    }

    private static Level byKey(long key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i] == key) {
                return LEVELS[i];
            }
        }
        return null;
    }

    /** 1-26 for an ASCII letter of either case, -1 for anything else. */
    private static int letter(byte c) {
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'z' ? lower - 'a' + 1 : -1;
    }

    private static long pack(String word) {
        long key = 0;
        for (int i = 0; i < word.length(); i++) {
            key = key << 5 | letter((byte) word.charAt(i));
        }
        return key;
    }
}
