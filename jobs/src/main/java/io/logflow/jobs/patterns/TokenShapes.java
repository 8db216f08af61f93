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
    static boolean isQuoted(String token) {
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
    static boolean isPath(String token) {
        int slashes = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes >= 2
                && (token.charAt(0) == '/' || token.startsWith("./") || token.contains("://"));
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

    /** host:port or ip:port, as a whole: the host is as variable as the port. */
    static boolean isHostPort(String token) {
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
