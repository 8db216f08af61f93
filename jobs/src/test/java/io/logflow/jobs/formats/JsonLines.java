package io.logflow.jobs.formats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded JSON lines for the differential test: objects under the keys the format looks for (plain,
 * dotted and nested), with strings that need escapes, non-ASCII text, numbers at the edges of the
 * grammar, arrays and deep nesting; and mutations of any line (byte flips, insertions, deletions).
 */
final class JsonLines {

    private static final List<String> KEYS =
            List.of(
                    "@timestamp",
                    "timestamp",
                    "ts",
                    "time",
                    "log.level",
                    "level",
                    "severity",
                    "severity_number",
                    "service.name",
                    "service",
                    "app",
                    "host.name",
                    "host",
                    "message",
                    "msg",
                    "log",
                    "url.path",
                    "path",
                    "http.response.status_code",
                    "status",
                    "event.duration",
                    "duration_ms",
                    "request_time",
                    "bytes",
                    "client.ip",
                    "http.request.method",
                    "method",
                    "user_agent.original",
                    "ua",
                    "other",
                    "tags",
                    "x.y",
                    "m\u00e9ssage",
                    "mess\\u0061ge",
                    "le\\\"vel",
                    "");

    private static final List<String> NUMBERS =
            List.of(
                    "0",
                    "-0",
                    "1e3",
                    "1E+3",
                    "-1.5e-3",
                    "0.25",
                    "12.5",
                    "1764151200",
                    "1764151200123",
                    "1764151200.123",
                    "1764151200123456",
                    "-12",
                    "50",
                    "13",
                    "1e400",
                    "-1e400",
                    "4.9e-324",
                    "1e-400",
                    "123456789012345678901234567890",
                    "9007199254740993",
                    "0.1",
                    "1e22",
                    "1e23",
                    "2.2250738585072011e-308",
                    "-0.0",
                    "1.7976931348623157e308",
                    "100000000000000000000000",
                    "3.0e0",
                    "7E-0005",
                    "0.000000000000000000000000001");

    private static final List<String> STRINGS =
            List.of(
                    "plain",
                    "",
                    "warn",
                    "ERROR",
                    "GET",
                    "POST",
                    "/api/pay?order=7",
                    "/x",
                    "2026-11-26T10:00:00.123Z",
                    "2026-11-26T10:00:00+01:00",
                    "1764151200",
                    "yesterday",
                    "10.0.0.7",
                    "Mozilla/5.0 (X11)",
                    "caf\u00e9 \u00fcn\u00efcode",
                    "\u65e5\u672c\u8a9e",
                    "emoji \ud83d\ude00",
                    "say \\\"hi\\\"",
                    "back\\\\slash",
                    "tab\\there",
                    "\\u00e9t\\u00e9",
                    "\\ud83d\\ude00",
                    "lone \\ud800 surrogate",
                    "\\/\\b\\f\\n\\r",
                    "W\\u0041RN",
                    "404",
                    " 12.5 ",
                    "\u2028 separators \u2029",
                    "del \u007f");

    private static final byte[] INTERESTING = {
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        ' ',
        '\t',
        '\n',
        '0',
        '1',
        '-',
        '+',
        '.',
        'e',
        'u',
        'n',
        't',
        'a',
        0,
        0x1f,
        0x7f,
        (byte) 0x80,
        (byte) 0xbf,
        (byte) 0xc0,
        (byte) 0xc3,
        (byte) 0xe0,
        (byte) 0xed,
        (byte) 0xf0,
        (byte) 0xf4,
        (byte) 0xf5,
        (byte) 0xff
    };

    private final Random random;

    JsonLines(long seed) {
        random = new Random(seed);
    }

    /** A random object of the format's keys and others, mostly valid, up to {@code depth}. */
    String object(int depth) {
        StringBuilder b = new StringBuilder(space()).append('{');
        int fields = random.nextInt(depth == 0 ? 12 : 4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                b.append(space()).append(',');
            }
            String key = pick(KEYS);
            int dot = key.indexOf('.');
            b.append(space()).append('"');
            if (dot > 0 && random.nextBoolean()) {
                // The dotted key as nested objects.
                b.append(key, 0, dot).append("\":{\"").append(key.substring(dot + 1));
                b.append("\":").append(value(depth + 1)).append('}');
            } else {
                b.append(key).append('"').append(space()).append(':').append(space());
                b.append(value(depth + 1));
            }
        }
        return b.append(space()).append('}').append(space()).toString();
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 9);
        return switch (kind) {
            case 0, 1, 2 -> '"' + pick(STRINGS) + '"';
            case 3, 4 -> pick(NUMBERS);
            case 5 -> pick(List.of("true", "false", "null"));
            case 6 -> object(depth);
            case 7 -> "[" + value(depth + 1) + "," + space() + value(depth + 1) + "]";
            default -> "[]";
        };
    }

    private String space() {
        return random.nextInt(8) == 0 ? pick(List.of(" ", "\t", "\r\n", "  ")) : "";
    }

    /** The line with one to three random edits: a byte replaced, inserted or removed. */
    byte[] mutate(byte[] line) {
        byte[] b = line.clone();
        for (int edits = 1 + random.nextInt(3); edits > 0 && b.length > 0; edits--) {
            int at = random.nextInt(b.length);
            byte c =
                    random.nextBoolean()
                            ? INTERESTING[random.nextInt(INTERESTING.length)]
                            : (byte) random.nextInt(256);
            switch (random.nextInt(3)) {
                case 0 -> b[at] = c;
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = c;
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
            }
        }
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
