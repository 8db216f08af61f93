package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.Parsed.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogfmtFormatTest {

    private static final long RECORD = millis("2026-11-26T10:00:05Z");
    private static final LogfmtFormat FORMAT = new LogfmtFormat(Parsed.SETTINGS);

    private static CompactEvent parse(String line) throws UnparseableException {
        return Parsed.one(FORMAT, line, RECORD);
    }

    private static double latency(String duration) throws UnparseableException {
        return parse("msg=x duration=" + duration).latencyMs;
    }

    private static void assertUnparseable(String line, String reason) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOf(UnparseableException.class)
                .hasMessage(reason);
    }

    @Test
    void readsEveryDefaultField() throws UnparseableException {
        CompactEvent e =
                parse(
                        "ts=2026-11-26T10:00:00.123Z level=warn msg=\"payment \\\"declined\\\" by"
                                + " bank\" service=checkout host=web-1 method=POST"
                                + " path=/api/pay?order=7 status=502 duration=12.5ms bytes=342"
                                + " client_ip=10.0.0.9 user_agent=\"curl/8\"\n");
        assertThat(e.timestamp).isEqualTo(millis("2026-11-26T10:00:00.123Z"));
        assertThat(e.level).isEqualTo(Level.WARN);
        assertThat(e.message).isEqualTo("payment \"declined\" by bank");
        assertThat(e.service).isEqualTo("checkout");
        assertThat(e.host).isEqualTo("web-1");
        assertThat(e.http).isTrue();
        assertThat(e.path).isEqualTo("/api/pay");
        assertThat(e.status).isEqualTo(502);
        assertThat(e.latencyMs).isEqualTo(12.5);
        assertThat(e.responseBytes).isEqualTo(342);
        assertThat(e.clientIp).isEqualTo("10.0.0.9");
        assertThat(e.method).isSameAs("POST");
        assertThat(e.userAgent).isEqualTo("curl/8");
    }

    @Test
    void readsLogrusAndGoKitLinesWithAlternativeKeys() throws UnparseableException {
        CompactEvent logrus =
                parse(
                        "time=\"2026-11-26T11:00:00+01:00\" level=error msg=\"db timeout\""
                                + " component=api");
        assertThat(logrus.timestamp).isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(logrus.level).isEqualTo(Level.ERROR);
        assertThat(logrus.message).isEqualTo("db timeout");
        assertThat(logrus.http).isFalse();
        assertThat(logrus.service).isEqualTo(Parsed.SERVICE);
        assertThat(logrus.host).isNull();

        CompactEvent kit =
                parse(
                        "@timestamp=1732615200.5 lvl=dbg message=started app=worker hostname=h2"
                                + " url=/jobs http.status=200 latency_ms=7 size=9 ip=::1");
        assertThat(kit.timestamp).isEqualTo(1_732_615_200_500L);
        assertThat(kit.level).isEqualTo(Level.DEBUG);
        assertThat(kit.message).isEqualTo("started");
        assertThat(kit.service).isEqualTo("worker");
        assertThat(kit.host).isEqualTo("h2");
        assertThat(kit.path).isEqualTo("/jobs");
        assertThat(kit.status).isEqualTo(200);
        assertThat(kit.latencyMs).isEqualTo(7.0);
        assertThat(kit.responseBytes).isEqualTo(9);
        assertThat(kit.clientIp).isEqualTo("::1");

        assertThat(parse("timestamp=1732615200123 severity=CRITICAL msg=x").timestamp)
                .isEqualTo(1_732_615_200_123L);
        assertThat(parse("timestamp=1732615200123 severity=CRITICAL msg=x").level)
                .isEqualTo(Level.FATAL);
    }

    @Test
    void readsHerokuRouterLinesThroughConfiguredKeys() throws UnparseableException {
        // Heroku's router writes the latency as service=18ms and the level as at=.
        LogfmtFormat heroku =
                new LogfmtFormat(
                        new FormatSettings(
                                "router",
                                Map.of(
                                        "level", "at",
                                        "service", "app_name",
                                        "http.latency-ms", "service",
                                        "http.client-ip", "fwd")));
        String line =
                "at=info method=GET path=\"/\" host=myapp.herokuapp.com"
                        + " request_id=8601b555-6a54-4b52-9d2b-9c8a5e4e8a1a fwd=\"204.204.204.204\""
                        + " dyno=web.1 connect=1ms service=18ms status=200 bytes=13 protocol=https";
        CompactEvent e = Parsed.one(heroku, line, RECORD);
        assertThat(e.timestamp).isEqualTo(RECORD);
        assertThat(e.level).isEqualTo(Level.INFO);
        assertThat(e.service).isEqualTo(Parsed.SERVICE);
        assertThat(e.host).isEqualTo("myapp.herokuapp.com");
        assertThat(e.path).isEqualTo("/");
        assertThat(e.status).isEqualTo(200);
        assertThat(e.latencyMs).isEqualTo(18.0);
        assertThat(e.responseBytes).isEqualTo(13);
        assertThat(e.clientIp).isEqualTo("204.204.204.204");
        assertThat(e.method).isSameAs("GET");
        assertThat(e.userAgent).isNull();
        // No message key: the line is its own message, for the template miner.
        assertThat(e.message).isEqualTo(line);
        assertThat(Parsed.one(heroku, "at=error code=H12 desc=\"Request timeout\"", RECORD).level)
                .isEqualTo(Level.ERROR);
        // A configured key replaces the defaults: "level" is no longer read.
        assertThat(Parsed.one(heroku, "level=error msg=x", RECORD).level).isEqualTo(Level.INFO);
    }

    @Test
    void readsDurationUnits() throws UnparseableException {
        assertThat(latency("12ms")).isEqualTo(12.0);
        assertThat(latency("42")).isEqualTo(42.0);
        assertThat(latency("0.5")).isEqualTo(0.5);
        assertThat(latency("1.5s")).isEqualTo(1500.0);
        assertThat(latency("0.123s")).isEqualTo(123.0);
        assertThat(latency("250us")).isEqualTo(0.25);
        assertThat(latency("250µs")).isEqualTo(0.25);
        assertThat(latency("250μs")).isEqualTo(0.25);
        assertThat(latency("1500000ns")).isEqualTo(1.5);
        assertThat(latency("1m2.5s")).isEqualTo(62_500.0);
        assertThat(latency("2h")).isEqualTo(7_200_000.0);
        assertThat(latency("\"7ms\"")).isEqualTo(7.0);
        for (String bad : new String[] {"", "fast", "3xs", "1m30", "ms", "-5ms", "1.2.3s", "1e3"}) {
            assertThat(latency(bad)).as(bad).isNaN();
        }
    }

    @Test
    void resolvesEscapesInQuotedValues() throws UnparseableException {
        CompactEvent e =
                parse(
                        "msg=\"tab\\there\\n"
                                + "new \\u00e9 \\ud83d\\ude00 back\\\\slash \\q\" host=\"a b\"");
        assertThat(e.message).isEqualTo("tab\there\nnew é \uD83D\uDE00 back\\slash q");
        assertThat(e.host).isEqualTo("a b");
        assertThat(parse("msg=\"caf\u00e9 \u2603\"").message).isEqualTo("caf\u00e9 \u2603");
        assertThat(parse("msg=\"lone \\ud83d end\"").message).isEqualTo("lone \uFFFD end");
    }

    @Test
    void missingAndOddFieldsAreNotErrors() throws UnparseableException {
        CompactEvent bare = parse("debug msg=hi verbose");
        assertThat(bare.message).isEqualTo("hi");
        assertThat(bare.level).isEqualTo(Level.INFO);

        CompactEvent odd =
                parse("level= msg= status=abc ts=yesterday duration=soon bytes=-1 =x \"q\" k=v");
        assertThat(odd.level).isEqualTo(Level.INFO);
        assertThat(odd.message).isEmpty();
        assertThat(odd.http).isFalse();
        assertThat(odd.status).isZero();
        assertThat(odd.timestamp).isEqualTo(RECORD);
        assertThat(odd.latencyMs).isNaN();
        assertThat(odd.responseBytes).isZero();

        CompactEvent first = parse("msg=first msg=second message=third");
        assertThat(first.message).isEqualTo("first");

        CompactEvent statusOnly = parse("msg=x status=404");
        assertThat(statusOnly.http).isTrue();
        assertThat(statusOnly.path).isNull();
        assertThat(statusOnly.latencyMs).isNaN();
    }

    @Test
    void aConfiguredMessageKeyReplacesTheDefaults() throws UnparseableException {
        LogfmtFormat custom =
                new LogfmtFormat(
                        new FormatSettings("s", Map.of("message", "text", "http.path", "route")));
        CompactEvent e = Parsed.one(custom, "msg=ignored text=\"used\" route=/r?x=1", RECORD);
        assertThat(e.message).isEqualTo("used");
        assertThat(e.path).isEqualTo("/r");
    }

    @Test
    void badLinesAreUnparseableWithTheReason() {
        assertUnparseable("", "empty logfmt line");
        assertUnparseable(" \t\r\n", "empty logfmt line");
        assertUnparseable("hello world", "no key=value pair");
        assertUnparseable("level=info msg=\"truncated li", "quoted value of 'msg' is not closed");
        assertUnparseable("msg=\"ends in escape\\\"", "quoted value of 'msg' is not closed");
    }

    @Test
    void invalidUtf8AndHugeLinesStaySane() throws UnparseableException {
        byte[] line = {'m', 's', 'g', '=', (byte) 0xC3, (byte) 0x28, ' ', 'k', '=', 'v'};
        assertThat(Parsed.one(FORMAT, line, RECORD).message).isEqualTo("\uFFFD(");
        String big = "y".repeat(1 << 20);
        assertThat(parse("level=info msg=\"" + big + "\" status=200").message).isEqualTo(big);
        byte[] unclosed = ("msg=\"" + big).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Parsed.one(FORMAT, unclosed, RECORD))
                .isInstanceOf(UnparseableException.class);
    }
}
