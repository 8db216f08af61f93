package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.util.function.Consumer;

/**
 * Plain text lines: the line is the message, and a recognised prefix gives time and level.
 *
 * <p>Prefixes: an ISO date-time ({@code 2026-11-26T10:00:00.123Z}, or log4j's {@code 2026-11-26
 * 10:00:00,123}) optionally followed by a level word ({@code ERROR}, {@code [WARN]}, {@code
 * info:}); without a timestamp, a level only when bracketed or followed by a colon ({@code [ERROR]
 * msg}, {@code ERROR: msg}), since a bare first word like "Error" is as often prose; glog's {@code
 * E1126 10:00:00.123456} (year nearest the record, UTC). The recognised timestamp and level are
 * stripped from the message and the rest kept verbatim ({@code [thread] logger - msg}), so the
 * template miner sees what varies by event, not a clock. Anything else: INFO at the record's time.
 */
public final class TextFormat implements LogFormat {

    /** The format name. */
    public static final String NAME = "text";

    private static final long serialVersionUID = 1L;
    private static final int MAX_BRACKETED_LEVEL = 13;

    /** Nothing is configurable yet; taken so that the factory builds every format alike. */
    public TextFormat(FormatSettings settings) {}

    @Override
    public void parse(byte[] b, long recordTimestamp, CompactEvent e, Consumer<CompactEvent> out)
            throws UnparseableException {
        int end = Bytes.trimEnd(b, 0, b.length);
        int start = 0;
        if (end >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            start = 3;
        }
        if (Bytes.skipSpaces(b, start, end) == end) {
            throw new UnparseableException("empty line");
        }
        int msg = glog(b, start, end, recordTimestamp, e);
        if (msg < 0) {
            int tsLen = Timestamps.isoLength(b, start, end);
            long ts = tsLen > 0 ? Timestamps.parseIso(b, start, start + tsLen) : Timestamps.INVALID;
            int at = start;
            if (ts != Timestamps.INVALID) {
                e.timestamp = ts;
                at = Bytes.skipSpaces(b, start + tsLen, end);
            }
            int levelEnd = level(b, at, end, ts != Timestamps.INVALID, e);
            msg = levelEnd < 0 ? at : Bytes.skipSpaces(b, levelEnd, end);
        }
        e.message = Bytes.utf8(b, msg, end);
        out.accept(e);
    }

    /**
     * The end of a level at {@code i} ({@code [LEVEL]}, {@code LEVEL:}, or when {@code bare} a
     * {@code LEVEL} word of two letters or more), having set it; -1 when there is none.
     */
    private static int level(byte[] b, int i, int end, boolean bare, CompactEvent e) {
        if (i < end && b[i] == '[') {
            int close = Bytes.indexOf(b, i + 1, Math.min(end, i + MAX_BRACKETED_LEVEL), (byte) ']');
            Level level = close < 0 ? null : Levels.parse(b, i + 1, close);
            if (level == null) {
                return -1;
            }
            e.level = level;
            return close + 1 < end && b[close + 1] == ':' ? close + 2 : close + 1;
        }
        int word = i;
        while (word < end && ((b[word] | 0x20) >= 'a' && (b[word] | 0x20) <= 'z')) {
            word++;
        }
        boolean colon = word < end && b[word] == ':';
        boolean ends = word == end || b[word] == ' ' || b[word] == '\t';
        Level level = word - i >= 2 && (colon || (bare && ends)) ? Levels.parse(b, i, word) : null;
        if (level == null) {
            return -1;
        }
        e.level = level;
        return colon ? word + 1 : word;
    }

    /**
     * The message start after a glog header {@code Lmmdd hh:mm:ss.uuuuuu}, having set time and
     * level; -1 if none.
     */
    private static int glog(byte[] b, int i, int end, long recordTimestamp, CompactEvent e) {
        if (end - i < 14 || "IWEF".indexOf(b[i]) < 0 || b[i + 5] != ' ') {
            return -1;
        }
        int month = Timestamps.num(b, i + 1, 2);
        int day = Timestamps.num(b, i + 3, 2);
        if (b[i + 8] != ':' || b[i + 11] != ':') {
            return -1;
        }
        long ofDay =
                Timestamps.timeOfDay(
                        Timestamps.num(b, i + 6, 2),
                        Timestamps.num(b, i + 9, 2),
                        Timestamps.num(b, i + 12, 2));
        if (ofDay < 0) {
            return -1;
        }
        int j = i + 14;
        if (j < end && b[j] == '.') {
            int fraction = ++j;
            while (j < end && Timestamps.isDigit(b[j])) {
                j++;
            }
            ofDay += Timestamps.fractionMillis(b, fraction, j);
        }
        long ts = Timestamps.withNearestYear(month, day, ofDay, recordTimestamp);
        if (ts == Timestamps.INVALID || (j < end && b[j] != ' ')) {
            return -1;
        }
        e.timestamp = ts;
        e.level =
                b[i] == 'I'
                        ? Level.INFO
                        : b[i] == 'W' ? Level.WARN : b[i] == 'E' ? Level.ERROR : Level.FATAL;
        return Bytes.skipSpaces(b, j, end);
    }
}
