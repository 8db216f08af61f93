package io.logflow.jobs.formats;

/**
 * Backslash escapes of quoted values as Go's logfmt and strconv write them: {@code \" \\ \n \r \t}
 * and {@code \\uXXXX} (surrogate pairs joined); any other escaped byte stands for itself.
 */
final class Escapes {

    private Escapes() {}

    /** The text of the quoted value's content {@code [from, to)} with its escapes resolved. */
    static String unquote(byte[] b, int from, int to) {
        // Unescaped UTF-8 is never longer than its escaped form: \\uXXXX is 6 bytes for at most 3.
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '\\' || i + 1 >= to) {
                out[n++] = c;
                continue;
            }
            byte next = b[++i];
            switch (next) {
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'u' -> {
                    int cp = hex4(b, i + 1, to);
                    if (cp < 0) {
                        out[n++] = next;
                        break;
                    }
                    i += 4;
                    if (Character.isHighSurrogate((char) cp)
                            && i + 2 < to
                            && b[i + 1] == '\\'
                            && b[i + 2] == 'u') {
                        int low = hex4(b, i + 3, to);
                        if (low >= 0 && Character.isLowSurrogate((char) low)) {
                            cp = Character.toCodePoint((char) cp, (char) low);
                            i += 6;
                        }
                    }
                    n = utf8(cp, out, n);
                }
                default -> out[n++] = next;
            }
        }
        return Bytes.utf8(out, 0, n);
    }

    private static int hex4(byte[] b, int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static int utf8(int cp, byte[] out, int n) {
        if (cp < 0x80) {
            out[n++] = (byte) cp;
        } else if (cp < 0x800) {
            out[n++] = (byte) (0xC0 | cp >> 6);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (Character.isSurrogate((char) cp)) {
            // A lone surrogate is no character: the replacement one, as the decoder does.
            out[n++] = (byte) 0xEF;
            out[n++] = (byte) 0xBF;
            out[n++] = (byte) 0xBD;
        } else if (cp < 0x10000) {
            out[n++] = (byte) (0xE0 | cp >> 12);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | cp >> 18);
            out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }
}
