package io.logflow.jobs.formats;

/**
 * The text of a JSON string that {@link JsonScanner#string} found valid and escaped: escapes
 * resolved ({@code \\uXXXX} as the UTF-16 unit it names, so a pair makes one code point and a lone
 * surrogate stays as written, as Jackson keeps it), UTF-8 decoded. One char buffer per instance.
 */
final class JsonStrings {

    private char[] chars = new char[256];

    /** The string whose content, between its quotes, is {@code [from, to)}. */
    String decode(byte[] b, int from, int to) {
        if (chars.length < to - from) {
            chars = new char[Math.max(to - from, chars.length * 2)];
        }
        // Never more chars than bytes: each UTF-8 sequence and escape gives at most its length.
        char[] out = chars;
        int n = 0;
        for (int i = from; i < to; ) {
            int c = b[i] & 0xFF;
            if (c == '\\') {
                char e = (char) b[i + 1];
                i += 2;
                switch (e) {
                    case 'b' -> out[n++] = '\b';
                    case 'f' -> out[n++] = '\f';
                    case 'n' -> out[n++] = '\n';
                    case 'r' -> out[n++] = '\r';
                    case 't' -> out[n++] = '\t';
                    case 'u' -> {
                        out[n++] = (char) hex4(b, i);
                        i += 4;
                    }
                    default -> out[n++] = e;
                }
            } else if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if (c < 0xE0) {
                out[n++] = (char) ((c & 0x1F) << 6 | (b[i + 1] & 0x3F));
                i += 2;
            } else if (c < 0xF0) {
                out[n++] = (char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F));
                i += 3;
            } else {
                int cp =
                        (c & 0x07) << 18
                                | (b[i + 1] & 0x3F) << 12
                                | (b[i + 2] & 0x3F) << 6
                                | (b[i + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    private static int hex4(byte[] b, int i) {
        return Character.digit(b[i], 16) << 12
                | Character.digit(b[i + 1], 16) << 8
                | Character.digit(b[i + 2], 16) << 4
                | Character.digit(b[i + 3], 16);
    }
}
