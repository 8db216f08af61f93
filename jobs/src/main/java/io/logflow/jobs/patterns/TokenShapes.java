package io.logflow.jobs.patterns;

/** What a token or part of one looks like: the predicates {@link Masker} decides with. */
final class TokenShapes {

    private TokenShapes() {}

    /**
     * A segment with a digit is variable, unless it is a name that merely ends in one digit
     * (SOCKS5, HTTP2, IPv6): protocol and version names are part of the template.
     */
    static boolean isVariable(String s, int from, int to) {
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
        return upper >= 2 && !token.contains(Template.WILDCARD);
    }

    /** A whole token in single or double quotes: a value the message quotes, e.g. 'admin'. */
    static boolean isQuoted(String s, int from, int to) {
        int n = to;
        while (n > from && (s.charAt(n - 1) == ',' || s.charAt(n - 1) == '.')) {
            n--;
        }
        if (n - from < 2) {
            return false;
        }
        char q = s.charAt(from);
        return (q == '\'' || q == '"') && s.charAt(n - 1) == q;
    }

    /**
     * How a file path or URL path with at least two segments starts (/var/log/app.log, ./x/y,
     * http://h/p); the caller has counted the slashes.
     */
    static boolean isPathStart(String s, int from, int to) {
        char first = s.charAt(from);
        if (first == '/' || (first == '.' && to - from >= 2 && s.charAt(from + 1) == '/')) {
            return true;
        }
        for (int i = from; i + 3 <= to; i++) {
            if (s.charAt(i) == ':' && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                return true;
            }
        }
        return false;
    }

    static boolean isDelimiter(char c) {
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

    static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
