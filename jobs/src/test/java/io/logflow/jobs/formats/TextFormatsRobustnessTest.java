package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.functions.CompactEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, mutated and random input: a sane event or an UnparseableException, nothing else. */
class TextFormatsRobustnessTest {

    private static final long RECORD = Parsed.millis("2026-11-26T10:00:05Z");

    private static final List<LogFormat> FORMATS =
            List.of(
                    new AccessLogFormat(Parsed.SETTINGS),
                    new SyslogFormat(Parsed.SETTINGS),
                    new LogfmtFormat(Parsed.SETTINGS),
                    new TextFormat(Parsed.SETTINGS),
                    new JsonFormat(Parsed.SETTINGS));

    private static final List<String> LINES =
            List.of(
                    "203.0.113.7 - - [26/Nov/2026:10:00:00 +0000] \"GET /a?b=1 HTTP/1.1\" 200 512"
                            + " \"-\" \"Mozilla/5.0\" rt=0.123",
                    "<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47 [ex@1 a=\"3\\]\"]"
                            + " \uFEFFmsg",
                    "120 <34>Oct 11 22:14:15 mymachine su[12]: 'su root' failed for lonvick",
                    "ts=2026-11-26T10:00:00Z level=warn msg=\"q \\\"x\\\" \\u00e9\" status=500"
                            + " duration=1m2.5s path=/x?y",
                    "E1126 10:00:00.123456 1234 file.go:12] msg",
                    "2026-11-26 10:00:00,123 WARN [thread] logger - msg",
                    "{\"@timestamp\":\"2026-11-26T10:00:00.123Z\",\"log\":{\"level\":\"warn\"},\"message\":\"q"
                        + " \\\"x\\\" \\u00e9 \u00e9\",\"http.request.method\":\"GET\","
                        + "\"url.path\":\"/a?b\",\"http.response.status_code\":\"500\","
                        + "\"event.duration\":1.5e6,\"labels\":{\"a\":[1,{\"b\":null}]}}",
                    "{\"ts\":1764151200.25,\"level\":50,\"msg\":\"x\",\"status\":200,\"ua\":true}");

    private static void parseSafely(LogFormat format, byte[] value) {
        try {
            CompactEvent scratch = new CompactEvent().reset(RECORD, Parsed.SERVICE);
            format.parse(
                    value,
                    RECORD,
                    scratch,
                    e -> {
                        assertThat(e.message).isNotNull();
                        assertThat(e.level).isNotNull();
                    });
        } catch (UnparseableException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void everyPrefixOfEveryLineIsSafeInEveryFormat() {
        for (String line : LINES) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            for (int len = 0; len <= b.length; len++) {
                byte[] prefix = java.util.Arrays.copyOf(b, len);
                for (LogFormat f : FORMATS) {
                    parseSafely(f, prefix);
                }
            }
        }
    }

    @Test
    void mutatedAndRandomBytesAreSafeInEveryFormat() {
        Random random = new Random(42);
        byte[] alphabet =
                " \t\r\n\"\\[]<>=:.-+/0123456789TZabcOctNov".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 20_000; round++) {
            byte[] b;
            if (round % 2 == 0) {
                b = LINES.get(random.nextInt(LINES.size())).getBytes(StandardCharsets.UTF_8);
                for (int m = 1 + random.nextInt(4); m > 0; m--) {
                    int at = random.nextInt(b.length);
                    b[at] =
                            random.nextBoolean()
                                    ? alphabet[random.nextInt(alphabet.length)]
                                    : (byte) random.nextInt();
                }
            } else {
                b = new byte[random.nextInt(80)];
                for (int i = 0; i < b.length; i++) {
                    b[i] =
                            random.nextInt(3) == 0
                                    ? (byte) random.nextInt()
                                    : alphabet[random.nextInt(alphabet.length)];
                }
            }
            for (LogFormat f : FORMATS) {
                parseSafely(f, b);
            }
        }
    }

    @Test
    void aMegabyteOfOneByteIsSafeInEveryFormat() {
        for (byte fill : new byte[] {'a', ' ', '"', '[', '<', '=', '\\', '9', (byte) 0xFF}) {
            byte[] b = new byte[1 << 20];
            java.util.Arrays.fill(b, fill);
            for (LogFormat f : FORMATS) {
                parseSafely(f, b);
            }
        }
    }
}
