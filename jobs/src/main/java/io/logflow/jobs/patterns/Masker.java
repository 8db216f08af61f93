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
        if (CALENDAR.contains(token) || TokenShapes.isQuoted(token) || TokenShapes.isPath(token)) {
            return W;
        }
        if (!TokenShapes.hasDigit(token, 0, token.length())) {
            return token;
        }
        if (TokenShapes.isHostPort(token)) {
            return W;
        }
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        int n = token.length();
        boolean kept = false;
        while (i < n) {
            int start = i;
            while (i < n && !TokenShapes.isDelimiter(token.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (TokenShapes.isVariable(token, start, i)) {
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
}
