package io.logflow.jobs.formats;

/**
 * The common HTTP methods as shared strings, so that a format reading one from its bytes allocates
 * nothing for it: nearly every request is one of these seven. Anything else (WebDAV's PROPFIND, a
 * lower-case "get") is kept as written, in a new string.
 */
public final class HttpMethods {

    private static final String[] COMMON = {
        "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"
    };

    private HttpMethods() {}

    /** The method in the UTF-8 bytes {@code [from, to)}; null when the range is empty. */
    public static String of(byte[] b, int from, int to) {
        if (from >= to) {
            return null;
        }
        int n = to - from;
        for (String m : COMMON) {
            if (m.length() == n && matches(m, b, from)) {
                return m;
            }
        }
        return Bytes.utf8(b, from, to);
    }

    /** The method in protobuf's UTF-8 {@code bytes}; null when empty. */
    public static String of(com.google.protobuf.ByteString bytes) {
        int n = bytes.size();
        if (n == 0) {
            return null;
        }
        for (String m : COMMON) {
            if (m.length() == n && matches(m, bytes)) {
                return m;
            }
        }
        return bytes.toStringUtf8();
    }

    /** {@code s}, or the shared string equal to it; null and empty stay null. */
    public static String of(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        for (String m : COMMON) {
            if (m.equals(s)) {
                return m;
            }
        }
        return s;
    }

    private static boolean matches(String m, byte[] b, int at) {
        for (int i = 0; i < m.length(); i++) {
            if (b[at + i] != m.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String m, com.google.protobuf.ByteString b) {
        for (int i = 0; i < m.length(); i++) {
            if (b.byteAt(i) != m.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
