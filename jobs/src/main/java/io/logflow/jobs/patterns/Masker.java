package io.logflow.jobs.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a log message into tokens and replaces the variable ones (numbers, ids, hex, IPs, paths,
 * durations, quoted values) with {@link Template#WILDCARD}, before any tree lookup.
 *
 * <p>Pure Java and stateless, so the Flink operator, the CLI and the benchmark share it.
 */
public final class Masker {

    private static final String W = Template.WILDCARD;

    /** Calendar words only ever occur as part of a timestamp in log text. */
    private static final Set<String> CALENDAR =
            Set.of(
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    /** Units that belong to the number before them ("3 ms", "1.2 KB"). */
    private static final Set<String> UNITS =
            Set.of(
                    "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minutes", "h",
                    "hours", "us", "ns", "B", "KB", "kB", "MB", "GB", "TB");

    private Masker() {}

    /** The masked tokens of a message, split on whitespace. */
    public static String[] tokens(String message) {
        List<String> out = new ArrayList<>();
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(message.charAt(i))) {
                i++;
            }
            if (i > start && message.charAt(start) == '(') {
                int end = numericGroupEnd(message, start);
                if (end > 0) {
                    // "(1.2 KB)", "(3 ms)": an aside that some lines of a template carry and others
                    // not.
                    i = end;
                    continue;
                }
            }
            if (i > start) {
                String token = mask(message.substring(start, i));
                int last = out.size() - 1;
                if (last >= 0 && out.get(last).equals(W) && UNITS.contains(token)) {
                    continue;
                }
                out.add(token);
            }
        }
        return out.toArray(new String[0]);
    }

    /**
     * The index after a parenthesised quantity such as "(1.2 KB)": numbers and at least one unit.
     * Returns -1 for anything else. Only short asides qualify, so a long parenthesised clause is
     * masked token by token instead.
     */
    static int numericGroupEnd(String message, int open) {
        int close = message.indexOf(')', open);
        if (close < 0 || close - open > 24) {
            return -1;
        }
        String inside = message.substring(open + 1, close).trim();
        if (inside.isEmpty() || !hasDigit(inside, 0, inside.length())) {
            return -1;
        }
        boolean unit = false;
        for (String part : inside.split("\\s+")) {
            unit |= UNITS.contains(part);
            if (!mask(part).equals(W) && !UNITS.contains(part)) {
                return -1;
            }
        }
        if (!unit) {
            return -1;
        }
        int end = close + 1;
        return end == message.length() || Character.isWhitespace(message.charAt(end)) ? end : -1;
    }

    /** One token with its variable parts masked. */
    static String mask(String token) {
        if (CALENDAR.contains(token) || isQuoted(token) || isPath(token)) {
            return W;
        }
        if (!hasDigit(token, 0, token.length())) {
            return token;
        }
        if (isHostPort(token)) {
            return W;
        }
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        int n = token.length();
        boolean kept = false;
        while (i < n) {
            int start = i;
            while (i < n && !isDelimiter(token.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (isVariable(token, start, i)) {
                    out.append(W);
                } else {
                    out.append(token, start, i);
                    kept = true;
                }
            }
            if (i < n) {
                out.append(token.charAt(i));
                i++;
            }
        }
        // Nothing but variables and punctuation: one variable, however it was punctuated.
        return kept ? out.toString() : W;
    }

    /**
     * A segment with a digit is variable, unless it is a name that merely ends in one digit
     * (SOCKS5, HTTP2, IPv6): protocol and version names are part of the template.
     */
    private static boolean isVariable(String s, int from, int to) {
        if (!hasDigit(s, from, to)) {
            return false;
        }
        if (to - from >= 4 && Character.isDigit(s.charAt(to - 1))) {
            for (int i = from; i < to - 1; i++) {
                if (!Character.isLetter(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** An all-capitals word such as GET, HTTPS or SOCKS5, ignoring punctuation around it. */
    static boolean isKeyword(String token) {
        int upper = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 2 && !token.contains(W);
    }

    /** A whole token in single or double quotes: a value the message quotes, e.g. 'admin'. */
    private static boolean isQuoted(String token) {
        int n = token.length();
        while (n > 0 && (token.charAt(n - 1) == ',' || token.charAt(n - 1) == '.')) {
            n--;
        }
        if (n < 2) {
            return false;
        }
        char q = token.charAt(0);
        return (q == '\'' || q == '"') && token.charAt(n - 1) == q;
    }

    /** A file path or URL path with at least two segments, e.g. /var/log/app.log. */
    private static boolean isPath(String token) {
        int slashes = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes >= 2
                && (token.charAt(0) == '/' || token.startsWith("./") || token.contains("://"));
    }

    private static boolean isDelimiter(char c) {
        switch (c) {
            case '/':
            case '=':
            case ':':
            case ',':
            case ';':
            case '(':
            case ')':
            case '[':
            case ']':
            case '{':
            case '}':
            case '"':
            case '\'':
            case '@':
            case '|':
            case '<':
            case '>':
                return true;
            default:
                return false;
        }
    }

    private static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** host:port or ip:port, as a whole: the host is as variable as the port. */
    private static boolean isHostPort(String token) {
        int colon = token.lastIndexOf(':');
        int digits = token.length() - colon - 1;
        if (colon <= 0 || digits < 1 || digits > 5) {
            return false;
        }
        for (int i = colon + 1; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        for (int i = 0; i < colon; i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/')) {
                return false;
            }
        }
        return true;
    }
}
