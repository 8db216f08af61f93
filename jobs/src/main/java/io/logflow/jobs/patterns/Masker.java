package io.logflow.jobs.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a log message into tokens and replaces the variable ones (numbers, ids, hex, IPs, paths,
 * durations, quoted values) with {@link Template#WILDCARD}, before any tree lookup.
 *
 * <p>Pure Java and stateless, so the Flink operator, the CLI and the benchmark share it.
 */
public final class Masker {

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
            if (i > start) {
                out.add(mask(message.substring(start, i)));
            }
        }
        return out.toArray(new String[0]);
    }

    /** One token with its variable parts masked. */
    static String mask(String token) {
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                digit = true;
                break;
            }
        }
        return digit ? Template.WILDCARD : token;
    }
}
