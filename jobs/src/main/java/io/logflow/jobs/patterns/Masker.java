package io.logflow.jobs.patterns;

import java.util.ArrayList;
import java.util.Arrays;
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
    private static final long[] CALENDAR =
            packed(
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    /** Units that belong to the number before them ("3 ms", "1.2 KB"). */
    private static final Set<String> UNITS =
            Set.of(
                    "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minutes", "h",
                    "hours", "us", "ns", "B", "KB", "kB", "MB", "GB", "TB");

    /** Every unit starts with one of these; most words after a number do not. */
    private static final String UNIT_STARTS = "mshunBKkMGT";

    private Masker() {}

    /**
     * The masked tokens of a message, split on whitespace. Tokens are judged on the message's own
     * characters and only the ones kept as they are become strings of their own: this runs once per
     * event, and a substring per token plus a set probe per token was most of its cost.
     */
    public static String[] tokens(String message) {
        List<String> out = new ArrayList<>(16);
        boolean afterWildcard = false;
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(message.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(message.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            if (message.charAt(start) == '(') {
                int end = numericGroupEnd(message, start);
                if (end > 0) {
                    // "(1.2 KB)", "(3 ms)": an aside that some lines of a template carry and others
                    // not.
                    i = end;
                    continue;
                }
            }
            if (afterWildcard && isUnit(message, start, i)) {
                continue;
            }
            String token = mask(message, start, i);
            out.add(token);
            afterWildcard = W.equals(token);
        }
        return out.toArray(new String[0]);
    }

    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }

    /** Units have no digit, quote or slash, so a unit token is never changed by masking. */
    private static boolean isUnit(String message, int from, int to) {
        return to - from <= 7
                && UNIT_STARTS.indexOf(message.charAt(from)) >= 0
                && UNITS.contains(message.substring(from, to));
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
        if (inside.isEmpty() || !TokenShapes.hasDigit(inside, 0, inside.length())) {
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
        return mask(token, 0, token.length());
    }

    /**
     * The characters {@code [from, to)} of {@code s}, one token, with its variable parts masked.
     */
    private static String mask(String s, int from, int to) {
        // One pass gathers what every rule below asks of the token; rescanning it per rule
        // (host:port alone) was a tenth of the keyed task.
        int slashes = 0;
        boolean digit = false;
        int lastColon = -1;
        int firstNonHost = -1;
        int lastNonDigit = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '/') {
                slashes++;
            } else if (c == ':') {
                lastColon = i;
            }
            boolean asciiDigit = c >= '0' && c <= '9';
            digit |= asciiDigit;
            if (!(asciiDigit || (c >= 0x80 && Character.isDigit(c)))) {
                lastNonDigit = i;
            }
            if (firstNonHost < 0 && !isHostChar(c)) {
                firstNonHost = i;
            }
        }
        if (isCalendar(s, from, to)
                || TokenShapes.isQuoted(s, from, to)
                || (slashes >= 2 && TokenShapes.isPathStart(s, from, to))) {
            return W;
        }
        if (!digit) {
            return s.substring(from, to);
        }
        // host:port or ip:port, as a whole: the host is as variable as the port. The last colon
        // is the first character outside a host name and the last that is not a digit.
        int portDigits = to - lastColon - 1;
        if (lastColon > from
                && portDigits >= 1
                && portDigits <= 5
                && lastNonDigit == lastColon
                && firstNonHost == lastColon) {
            return W;
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        boolean kept = false;
        while (i < to) {
            int start = i;
            while (i < to && !TokenShapes.isDelimiter(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (TokenShapes.isVariable(s, start, i)) {
                    out.append(W);
                } else {
                    out.append(s, start, i);
                    kept = true;
                }
            }
            if (i < to) {
                out.append(s.charAt(i));
                i++;
            }
        }
        // Nothing but variables and punctuation: one variable, however it was punctuated.
        return kept ? out.toString() : W;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '-'
                || c == '_'
                || c == '/'
                || (c >= 0x80 && Character.isLetterOrDigit(c));
    }

    private static boolean isCalendar(String s, int from, int to) {
        return to - from == 3
                && Character.isUpperCase(s.charAt(from))
                && Arrays.binarySearch(CALENDAR, pack(s, from)) >= 0;
    }

    /**
     * Three 16-bit characters in one long, exactly (no two words share a key), so a calendar word
     * is one binary search, not 19 compares.
     */
    private static long pack(String s, int from) {
        return ((long) s.charAt(from) << 32)
                | ((long) s.charAt(from + 1) << 16)
                | s.charAt(from + 2);
    }

    private static long[] packed(String... words) {
        long[] keys = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = pack(words[i], 0);
        }
        Arrays.sort(keys);
        return keys;
    }
}
