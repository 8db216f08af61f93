package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.util.function.Consumer;

/**
 * nginx and Apache access logs in the {@code combined} and {@code common} layouts, optionally
 * followed by nginx's request time in seconds (a bare {@code 0.123}, or {@code rt=} / {@code
 * request_time=}).
 *
 * <p>The message is the request line without its query string ({@code GET /cart HTTP/1.1}): the
 * query carries ids and tokens, which would split templates and should not reach the results. The
 * level follows the status: 5xx ERROR, 4xx WARN, anything else INFO. The method is the request
 * line's first word; the user agent the second quoted field after the bytes ({@code combined}
 * only), as the server logged it, null for {@code "-"}. The line names no host, so host stays null;
 * the service is the one the caller reset the event with, the source's.
 */
public final class AccessLogFormat implements LogFormat {

    /** The format name of nginx's access log. */
    public static final String NGINX = "nginx";

    /** The format name of Apache httpd's access log (same grammar). */
    public static final String APACHE = "apache";

    private static final long serialVersionUID = 1L;

    /**
     * Nothing of the two layouts is configurable yet; every format takes its source's settings so
     * that the factory builds them all alike.
     */
    public AccessLogFormat(FormatSettings settings) {}

    @Override
    public void parse(byte[] b, long recordTimestamp, CompactEvent e, Consumer<CompactEvent> out)
            throws UnparseableException {
        int end = Bytes.trimEnd(b, 0, b.length);
        int addr = Bytes.skipSpaces(b, 0, end);
        if (addr == end) {
            throw new UnparseableException("empty access log line");
        }
        int addrEnd = Bytes.tokenEnd(b, addr, end);
        int open = Bytes.indexOf(b, addrEnd, end, (byte) '[');
        int close = open < 0 ? -1 : Bytes.indexOf(b, open + 1, end, (byte) ']');
        if (close < 0) {
            throw new UnparseableException("no [time] field");
        }
        long timestamp = Timestamps.parseClf(b, open + 1, close);
        if (timestamp == Timestamps.INVALID) {
            throw new UnparseableException("[time] is not dd/MMM/yyyy:HH:mm:ss +hhmm");
        }
        int req = Bytes.skipSpaces(b, close + 1, end);
        if (req == end || b[req] != '"') {
            throw new UnparseableException("no \"request\" field after [time]");
        }
        int reqEnd = closingQuote(b, req + 1, end);
        if (reqEnd < 0) {
            throw new UnparseableException("\"request\" field has no closing quote");
        }
        if (reqEnd == req + 1 || (reqEnd == req + 2 && b[req + 1] == '-')) {
            throw new UnparseableException("no request line (\"-\" or empty)");
        }
        int statusAt = Bytes.skipSpaces(b, reqEnd + 1, end);
        int statusEnd = Bytes.tokenEnd(b, statusAt, end);
        long status = Bytes.parseLong(b, statusAt, statusEnd);
        if (status < 0 || status > 999) {
            throw new UnparseableException("status is not a number");
        }
        int bytesAt = Bytes.skipSpaces(b, statusEnd, end);
        int bytesEnd = Bytes.tokenEnd(b, bytesAt, end);
        long bytes =
                bytesEnd == bytesAt + 1 && b[bytesAt] == '-'
                        ? 0
                        : Bytes.parseLong(b, bytesAt, bytesEnd);
        if (bytes < 0) {
            throw new UnparseableException("body bytes is neither a number nor '-'");
        }
        e.timestamp = timestamp;
        e.http = true;
        e.status = (int) status;
        e.responseBytes = bytes;
        e.clientIp = Bytes.ascii(b, addr, addrEnd);
        e.level = status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO;
        e.latencyMs = requestTimeMs(b, bytesEnd, end);
        e.userAgent = userAgent(b, bytesEnd, end);
        request(b, req + 1, reqEnd, e);
        out.accept(e);
    }

    /** Sets path and message from the request line {@code METHOD target PROTOCOL}. */
    private static void request(byte[] b, int from, int to, CompactEvent e) {
        int methodEnd = Bytes.indexOf(b, from, to, (byte) ' ');
        if (methodEnd < 0) {
            // A client that sent no HTTP (a TLS hello to a plain port, say): nginx logs its bytes.
            e.message = Bytes.utf8(b, from, to);
            return;
        }
        e.method = HttpMethods.of(b, from, methodEnd);
        int target = methodEnd + 1;
        int targetEnd = Bytes.tokenEnd(b, target, to);
        int path = absoluteFormPath(b, target, targetEnd);
        int pathEnd = path;
        while (pathEnd < targetEnd && b[pathEnd] != '?' && b[pathEnd] != '#') {
            pathEnd++;
        }
        e.path = path == pathEnd ? "/" : Bytes.utf8(b, path, pathEnd);
        if (pathEnd == targetEnd && path == target) {
            e.message = Bytes.utf8(b, from, to);
            return;
        }
        // Method and path, then the protocol after the dropped query, as one copy.
        int head = methodEnd + 1 - from;
        int pathLen = path == pathEnd ? 0 : pathEnd - path;
        byte[] line = new byte[head + Math.max(pathLen, 1) + to - targetEnd];
        System.arraycopy(b, from, line, 0, head);
        if (pathLen == 0) {
            line[head] = '/';
        } else {
            System.arraycopy(b, path, line, head, pathLen);
        }
        System.arraycopy(b, targetEnd, line, head + Math.max(pathLen, 1), to - targetEnd);
        e.message = Bytes.utf8(line, 0, line.length);
    }

    /** The {@code "user agent"} after {@code "referer"} of the combined layout; null if absent. */
    private static String userAgent(byte[] b, int from, int to) {
        int referer = Bytes.skipSpaces(b, from, to);
        if (referer == to || b[referer] != '"') {
            return null;
        }
        int refererEnd = closingQuote(b, referer + 1, to);
        int agent = refererEnd < 0 ? to : Bytes.skipSpaces(b, refererEnd + 1, to);
        if (agent == to || b[agent] != '"') {
            return null;
        }
        int agentEnd = closingQuote(b, agent + 1, to);
        if (agentEnd < 0
                || agentEnd == agent + 1
                || (agentEnd == agent + 2 && b[agent + 1] == '-')) {
            return null;
        }
        return Bytes.utf8(b, agent + 1, agentEnd);
    }

    /** Where the path starts in a proxy's {@code http://host/path} target; the target otherwise. */
    private static int absoluteFormPath(byte[] b, int from, int to) {
        int scheme = Bytes.startsWith(b, from, to, "http://") ? 7 : 0;
        if (scheme == 0 && Bytes.startsWith(b, from, to, "https://")) {
            scheme = 8;
        }
        if (scheme == 0) {
            return from;
        }
        int slash = Bytes.indexOf(b, from + scheme, to, (byte) '/');
        return slash < 0 ? to : slash;
    }

    /**
     * The first request time after the status and bytes, in millis: a bare decimal ({@code
     * $request_time} always has a point, which tells it from counts), or {@code rt=} / {@code
     * request_time=}, quoted or not. Referer, user agent and other fields are skipped. NaN if none.
     */
    private static double requestTimeMs(byte[] b, int from, int to) {
        int i = Bytes.skipSpaces(b, from, to);
        while (i < to) {
            int tokenEnd;
            if (b[i] == '"') {
                tokenEnd = closingQuote(b, i + 1, to);
                if (tokenEnd < 0) {
                    return Double.NaN;
                }
                tokenEnd++;
            } else {
                tokenEnd = Bytes.tokenEnd(b, i, to);
                int v = Bytes.startsWith(b, i, tokenEnd, "rt=") ? i + 3 : -1;
                if (Bytes.startsWith(b, i, tokenEnd, "request_time=")) {
                    v = i + 13;
                }
                boolean bare = v < 0 && Bytes.indexOf(b, i, tokenEnd, (byte) '.') >= 0;
                int valueFrom = bare ? i : v;
                int valueTo = tokenEnd;
                if (valueFrom >= 0 && valueTo - valueFrom >= 2 && b[valueFrom] == '"') {
                    valueFrom++;
                    valueTo--;
                }
                double ms =
                        valueFrom < 0 ? Double.NaN : Bytes.parseDecimal(b, valueFrom, valueTo, 3);
                if (!Double.isNaN(ms)) {
                    return ms;
                }
            }
            i = Bytes.skipSpaces(b, tokenEnd, to);
        }
        return Double.NaN;
    }

    /**
     * The index of the quote closing a field that starts at {@code from}; Apache escapes {@code
     * \"}.
     */
    static int closingQuote(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i;
            }
        }
        return -1;
    }
}
