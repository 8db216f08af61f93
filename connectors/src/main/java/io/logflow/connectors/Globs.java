package io.logflow.connectors;

import java.util.regex.Pattern;

/**
 * The name patterns of LogFlow's config files (alert rules, notifier routes): a glob matched
 * against the whole value ({@code *} any run of characters, {@code ?} one), or {@code re:} and a
 * Java regular expression, also matched against the whole value.
 */
public final class Globs {

    private Globs() {}

    /**
     * {@code text} as a pattern to match whole values with.
     *
     * @throws java.util.regex.PatternSyntaxException for an invalid {@code re:} expression
     */
    public static Pattern compile(String text) {
        if (text.startsWith("re:")) {
            return Pattern.compile(text.substring(3));
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
