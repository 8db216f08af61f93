package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.Parsed.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessLogFormatTest {

    private static final long RECORD = millis("2026-11-26T10:00:05Z");
    private static final AccessLogFormat FORMAT = new AccessLogFormat(Parsed.SETTINGS);

    private static CompactEvent parse(String line) throws UnparseableException {
        return Parsed.one(FORMAT, line, RECORD);
    }

    private static void assertUnparseable(String line, String reason) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOf(UnparseableException.class)
                .hasMessage(reason);
    }

    @Test
    void readsNginxDefaultCombined() throws UnparseableException {
        CompactEvent e =
                parse(
                        "203.0.113.7 - - [26/Nov/2026:10:00:00 +0000] \"GET"
                                + " /api/cart?id=42&token=abc HTTP/1.1\" 200 512"
                                + " \"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)"
                                + " AppleWebKit/537.36\"\n");
        assertThat(e.timestamp).isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(e.http).isTrue();
        assertThat(e.path).isEqualTo("/api/cart");
        assertThat(e.status).isEqualTo(200);
        assertThat(e.responseBytes).isEqualTo(512);
        assertThat(e.clientIp).isEqualTo("203.0.113.7");
        assertThat(e.level).isEqualTo(Level.INFO);
        assertThat(e.message).isEqualTo("GET /api/cart HTTP/1.1");
        assertThat(e.latencyMs).isNaN();
        assertThat(e.host).isNull();
        assertThat(e.service).isEqualTo(Parsed.SERVICE);
        assertThat(e.method).as("the shared string, not a copy").isSameAs("GET");
        assertThat(e.userAgent).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36");
    }

    @Test
    void readsApacheCommon() throws UnparseableException {
        CompactEvent e =
                parse(
                        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif"
                                + " HTTP/1.0\" 200 2326");
        assertThat(e.timestamp).isEqualTo(millis("2000-10-10T20:55:36Z"));
        assertThat(e.path).isEqualTo("/apache_pb.gif");
        assertThat(e.message).isEqualTo("GET /apache_pb.gif HTTP/1.0");
        assertThat(e.status).isEqualTo(200);
        assertThat(e.responseBytes).isEqualTo(2326);
        assertThat(e.clientIp).isEqualTo("127.0.0.1");
        assertThat(e.latencyMs).isNaN();
        assertThat(e.method).isEqualTo("GET");
        assertThat(e.userAgent).as("the common layout has none").isNull();
    }

    @Test
    void readsEveryMethodAndTheUserAgentAfterTheReferer() throws UnparseableException {
        String line =
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"%s /x HTTP/1.1\" 200 5 \"%s\""
                        + " \"%s\" 0.001";
        for (String m : new String[] {"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"}) {
            assertThat(parse(String.format(line, m, "-", "curl/8.5.0")).method).isSameAs(m);
        }
        CompactEvent dav = parse(String.format(line, "PROPFIND", "https://a.example/", "-"));
        assertThat(dav.method).isEqualTo("PROPFIND");
        assertThat(dav.userAgent).as("\"-\" is none").isNull();
        assertThat(dav.latencyMs).isEqualTo(1.0);
        assertThat(parse(String.format(line, "get", "-", "")).method).isEqualTo("get");
        assertThat(parse(String.format(line, "get", "-", "")).userAgent).isNull();
        assertThat(parse(String.format(line, "GET", "-", "Go-http-client/1.1")).userAgent)
                .isEqualTo("Go-http-client/1.1");
    }

    @Test
    void readsATrailingRequestTimeInSeconds() throws UnparseableException {
        String head =
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"POST /pay HTTP/2.0\" 201 17 \"-\""
                        + " \"curl/8.5.0\"";
        assertThat(parse(head + " 0.123").latencyMs).isEqualTo(123.0);
        assertThat(parse(head + " rt=0.250 uct=\"0.000\" uht=\"0.001\" urt=\"0.002\"").latencyMs)
                .isEqualTo(250.0);
        assertThat(parse(head + " request_time=\"1.5\"").latencyMs).isEqualTo(1500.0);
        assertThat(parse(head + " 1024 0.004").latencyMs).isEqualTo(4.0);
        assertThat(parse(head + " urt=0.002").latencyMs).isNaN();
        assertThat(parse(head + " rt=-").latencyMs).isNaN();
    }

    @Test
    void levelFollowsTheStatus() throws UnparseableException {
        String line = "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" %d 0";
        assertThat(parse(String.format(line, 301)).level).isEqualTo(Level.INFO);
        assertThat(parse(String.format(line, 404)).level).isEqualTo(Level.WARN);
        assertThat(parse(String.format(line, 499)).level).isEqualTo(Level.WARN);
        assertThat(parse(String.format(line, 500)).level).isEqualTo(Level.ERROR);
        assertThat(parse(String.format(line, 503)).status).isEqualTo(503);
    }

    @Test
    void readsDashBytesProxyTargetsEscapedQuotesAndNonHttpRequests() throws UnparseableException {
        CompactEvent dash =
                parse("::1 - - [26/Nov/2026:10:00:00 +0000] \"HEAD /health HTTP/1.1\" 304 -");
        assertThat(dash.responseBytes).isZero();
        assertThat(dash.clientIp).isEqualTo("::1");

        CompactEvent proxy =
                parse(
                        "10.0.0.2 - - [26/Nov/2026:10:00:00 +0000] \"GET"
                                + " http://example.com/x/y?z=1 HTTP/1.1\" 200 5");
        assertThat(proxy.path).isEqualTo("/x/y");
        assertThat(proxy.message).isEqualTo("GET /x/y HTTP/1.1");

        CompactEvent bareQuery =
                parse("10.0.0.2 - - [26/Nov/2026:10:00:00 +0000] \"GET ?a=1 HTTP/1.1\" 200 5");
        assertThat(bareQuery.path).isEqualTo("/");
        assertThat(bareQuery.message).isEqualTo("GET / HTTP/1.1");

        CompactEvent quoted =
                parse(
                        "10.0.0.3 - bob [26/Nov/2026:10:00:00 +0000] \"GET /q HTTP/1.1\" 200 5"
                                + " \"-\" \"Agent \\\"quoted\\\" 1.0\" 0.010");
        assertThat(quoted.latencyMs).isEqualTo(10.0);
        assertThat(quoted.userAgent).as("as logged").isEqualTo("Agent \\\"quoted\\\" 1.0");

        CompactEvent tls =
                parse(
                        "198.51.100.4 - - [26/Nov/2026:10:00:00 +0000]"
                                + " \"\\x16\\x03\\x01\\x00\\xA5\\x01\" 400 157 \"-\" \"-\"");
        assertThat(tls.path).isNull();
        assertThat(tls.message).isEqualTo("\\x16\\x03\\x01\\x00\\xA5\\x01");
        assertThat(tls.level).isEqualTo(Level.WARN);
        assertThat(tls.http).isTrue();
        assertThat(tls.method).isNull();
        assertThat(tls.userAgent).isNull();
    }

    @Test
    void badLinesAreUnparseableWithTheReason() {
        assertUnparseable("", "empty access log line");
        assertUnparseable("   \r\n", "empty access log line");
        assertUnparseable("10.0.0.1 - - \"GET / HTTP/1.1\" 200 5", "no [time] field");
        assertUnparseable("10.0.0.1 - - [26/Nov/2026:10:00:00 +0000", "no [time] field");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026 10:00:00] \"GET / HTTP/1.1\" 200 5",
                "[time] is not dd/MMM/yyyy:HH:mm:ss +hhmm");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] 200 5",
                "no \"request\" field after [time]");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET /trunc",
                "\"request\" field has no closing quote");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"-\" 400 0 \"-\" \"-\"",
                "no request line (\"-\" or empty)");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"\" 400 0 \"-\" \"-\"",
                "no request line (\"-\" or empty)");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" abc 5",
                "status is not a number");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\"",
                "status is not a number");
        assertUnparseable(
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 x",
                "body bytes is neither a number nor '-'");
        assertUnparseable("just some text", "no [time] field");
    }

    @Test
    void invalidUtf8AndHugeLinesStaySane() throws UnparseableException {
        byte[] head =
                "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET /caf"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " HTTP/1.1\" 200 5".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0xC3;
        line[head.length + 1] = (byte) 0x28; // not a continuation byte
        System.arraycopy(tail, 0, line, head.length + 2, tail.length);
        CompactEvent e = Parsed.one(FORMAT, line, RECORD);
        assertThat(e.path).isEqualTo("/caf\uFFFD(");

        String longPath = "/" + "a".repeat(1 << 20);
        CompactEvent big =
                parse(
                        "10.0.0.1 - - [26/Nov/2026:10:00:00 +0000] \"GET "
                                + longPath
                                + "?q HTTP/1.1\" 200 5");
        assertThat(big.path).isEqualTo(longPath);
        assertThat(big.message).hasSize(longPath.length() + 13);
    }
}
