package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import java.util.function.Consumer;

/**
 * Syslog messages, RFC 5424 and RFC 3164 (BSD), each optionally framed by an RFC 6587 octet count;
 * a record of several counted frames gives one event per frame.
 *
 * <p>Level from the PRI's severity ({@link Levels#fromSyslogSeverity}), host from HOSTNAME, service
 * from APP-NAME (the 3164 tag before {@code [pid]} or {@code :}), else the source's. RFC 3164 has
 * no year and no zone: see {@link Timestamps#parseRfc3164}. A 3164 message with no timestamp takes
 * the record's and has no host, as relays are told to treat it.
 */
public final class SyslogFormat implements LogFormat {

    /** The format name. */
    public static final String NAME = "syslog";

    private static final long serialVersionUID = 1L;
    private static final int MAX_PRI = 191;

    /** Nothing is configurable yet; taken so that the factory builds every format alike. */
    public SyslogFormat(FormatSettings settings) {}

    @Override
    public void parse(byte[] b, long recordTimestamp, CompactEvent e, Consumer<CompactEvent> out)
            throws UnparseableException {
        int end = Bytes.trimEnd(b, 0, b.length);
        int i = Bytes.skipSpaces(b, 0, end);
        if (i == end) {
            throw new UnparseableException("empty syslog record");
        }
        if (b[i] == '<') {
            message(b, i, end, recordTimestamp, e);
            out.accept(e);
            return;
        }
        if (!Timestamps.isDigit(b[i])) {
            throw new UnparseableException("no PRI: a syslog message starts with <0-191>");
        }
        String service = e.service;
        boolean first = true;
        while (i < end) {
            int space = i;
            long count = 0;
            while (space < end && Timestamps.isDigit(b[space]) && count < Integer.MAX_VALUE) {
                count = count * 10 + (b[space++] - '0');
            }
            if (space == i || space == end || b[space] != ' ') {
                throw new UnparseableException("octet count at byte " + i + " is not a number");
            }
            long frameEnd = space + 1 + count;
            if (frameEnd > b.length) {
                throw new UnparseableException(
                        "octet count "
                                + count
                                + " exceeds the "
                                + (b.length - space - 1)
                                + " bytes that follow");
            }
            if (!first) {
                e.reset(recordTimestamp, service);
            }
            first = false;
            message(b, space + 1, Bytes.trimEnd(b, space + 1, (int) frameEnd), recordTimestamp, e);
            out.accept(e);
            i = (int) frameEnd;
            while (i < end && (b[i] == '\n' || b[i] == '\r' || b[i] == ' ')) {
                i++;
            }
        }
    }

    private static void message(byte[] b, int from, int to, long recordTimestamp, CompactEvent e)
            throws UnparseableException {
        if (from == to || b[from] != '<') {
            throw new UnparseableException("no PRI: a syslog message starts with <0-191>");
        }
        int close = from + 1;
        int pri = 0;
        while (close < to && close <= from + 4 && Timestamps.isDigit(b[close])) {
            pri = pri * 10 + (b[close++] - '0');
        }
        if (close == from + 1 || close == to || b[close] != '>' || pri > MAX_PRI) {
            throw new UnparseableException("bad PRI: expected <0-191>");
        }
        e.level = Levels.fromSyslogSeverity(pri & 7);
        int i = close + 1;
        if (i + 1 < to && b[i] == '1' && b[i + 1] == ' ') {
            rfc5424(b, i + 2, to, e);
        } else {
            rfc3164(b, i, to, recordTimestamp, e);
        }
    }

    // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG], each header field or "-".
    private static void rfc5424(byte[] b, int i, int to, CompactEvent e)
            throws UnparseableException {
        int tsEnd = field(b, i, to, "TIMESTAMP");
        if (!nil(b, i, tsEnd)) {
            long ts = Timestamps.parseIso(b, i, tsEnd);
            if (ts == Timestamps.INVALID) {
                throw new UnparseableException("TIMESTAMP is not RFC 3339");
            }
            e.timestamp = ts;
        }
        int host = tsEnd + 1;
        int hostEnd = field(b, host, to, "HOSTNAME");
        int app = hostEnd + 1;
        int appEnd = field(b, app, to, "APP-NAME");
        int procEnd = field(b, appEnd + 1, to, "PROCID");
        int msgIdEnd = field(b, procEnd + 1, to, "MSGID");
        int sd = msgIdEnd + 1;
        if (sd >= to) {
            throw new UnparseableException("truncated header: ends before STRUCTURED-DATA");
        }
        int sdEnd = structuredDataEnd(b, sd, to);
        if (!nil(b, host, hostEnd)) {
            e.host = Bytes.utf8(b, host, hostEnd);
        }
        if (!nil(b, app, appEnd)) {
            e.service = Bytes.utf8(b, app, appEnd);
        }
        int msg = sdEnd;
        if (msg < to && b[msg] == ' ') {
            msg++;
        } else if (msg < to) {
            throw new UnparseableException("no space after STRUCTURED-DATA");
        }
        if (msg + 3 <= to
                && b[msg] == (byte) 0xEF
                && b[msg + 1] == (byte) 0xBB
                && b[msg + 2] == (byte) 0xBF) {
            msg += 3; // the BOM that marks a UTF-8 MSG
        }
        e.message = Bytes.utf8(b, msg, to);
    }

    /** The end of a header field that starts at {@code i} and is followed by a space. */
    private static int field(byte[] b, int i, int to, String name) throws UnparseableException {
        int end = i < to ? Bytes.indexOf(b, i, to, (byte) ' ') : -1;
        if (end <= i) {
            throw new UnparseableException("truncated header: ends in or before " + name);
        }
        return end;
    }

    /** Past "-" or the last {@code [id name="value"...]}, in whose values \" \\ \] are escapes. */
    private static int structuredDataEnd(byte[] b, int i, int to) throws UnparseableException {
        if (b[i] == '-') {
            return i + 1;
        }
        if (b[i] != '[') {
            throw new UnparseableException("STRUCTURED-DATA is neither - nor [...]");
        }
        while (i < to && b[i] == '[') {
            boolean quoted = false;
            int j = i + 1;
            for (; j < to; j++) {
                if (quoted && b[j] == '\\') {
                    j++;
                } else if (b[j] == '"') {
                    quoted = !quoted;
                } else if (!quoted && b[j] == ']') {
                    break;
                }
            }
            if (j >= to) {
                throw new UnparseableException("STRUCTURED-DATA element has no closing ]");
            }
            i = j + 1;
        }
        return i;
    }

    private static void rfc3164(byte[] b, int i, int to, long recordTimestamp, CompactEvent e)
            throws UnparseableException {
        int tsLen = Timestamps.rfc3164Length(b, i, to);
        long ts = Timestamps.INVALID;
        if (tsLen > 0) {
            ts = Timestamps.parseRfc3164(b, i, i + tsLen, recordTimestamp);
        } else if ((tsLen = Timestamps.isoLength(b, i, to)) > 0) {
            // rsyslog's forwarding templates put an RFC 3339 time in the 3164 layout.
            ts = Timestamps.parseIso(b, i, i + tsLen);
        } else {
            tagAndMessage(b, i, to, e);
            return;
        }
        if (ts == Timestamps.INVALID) {
            throw new UnparseableException("TIMESTAMP is not Mmm dd HH:mm:ss");
        }
        e.timestamp = ts;
        int host = Bytes.skipSpaces(b, i + tsLen, to);
        int hostEnd = Bytes.tokenEnd(b, host, to);
        // Local senders (/dev/log) omit the host: then the first word is already the tag.
        if (hostEnd > host
                && b[hostEnd - 1] != ':'
                && Bytes.indexOf(b, host, hostEnd, (byte) '[') < 0) {
            e.host = Bytes.utf8(b, host, hostEnd);
            host = Bytes.skipSpaces(b, hostEnd, to);
        }
        tagAndMessage(b, host, to, e);
    }

    /** {@code tag[pid]: message} or {@code tag: message}; without either, all is the message. */
    private static void tagAndMessage(byte[] b, int i, int to, CompactEvent e) {
        int j = i;
        while (j < to && b[j] != '[' && b[j] != ':' && b[j] != ' ') {
            j++;
        }
        int msg = i;
        if (j < to && j > i && b[j] == '[') {
            int close = Bytes.indexOf(b, j, to, (byte) ']');
            if (close > 0) {
                msg = close + 1 < to && b[close + 1] == ':' ? close + 2 : close + 1;
            }
        } else if (j < to && j > i && b[j] == ':') {
            msg = j + 1;
        }
        if (msg > i) {
            e.service = Bytes.utf8(b, i, j);
            if (msg < to && b[msg] == ' ') {
                msg++;
            }
        }
        e.message = Bytes.utf8(b, msg, to);
    }

    private static boolean nil(byte[] b, int from, int to) {
        return to == from + 1 && b[from] == '-';
    }
}
