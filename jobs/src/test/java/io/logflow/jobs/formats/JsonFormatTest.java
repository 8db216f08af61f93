package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    private static final long RECORD_TIME = Instant.parse("2026-11-26T10:05:00Z").toEpochMilli();

    private final JsonFormat plain = new JsonFormat(new FormatSettings("app", Map.of()));

    @Test
    void anElasticCommonSchemaLineFillsEveryField() throws Exception {
        CompactEvent e =
                one(
                        plain,
                        "{\"@timestamp\":\"2026-11-26T10:00:00.123Z\",\"log\":{\"level\":\"warn\","
                                + "\"logger\":\"pay\"},\"service\":{\"name\":\"checkout\"},"
                                + "\"host\":{\"name\":\"web-1\"},\"message\":\"Payment failed\","
                                + "\"http\":{\"request\":{\"method\":\"POST\"},\"response\":"
                                + "{\"status_code\":502,\"body\":{\"bytes\":1234}}},"
                                + "\"url\":{\"path\":\"/api/pay?order=7\"},"
                                + "\"event\":{\"duration\":12500000},"
                                + "\"client\":{\"ip\":\"10.0.0.7\"},\"tags\":[\"a\",{\"b\":1}],"
                                + "\"user_agent\":{\"original\":\"Mozilla/5.0 (X11)\","
                                + "\"name\":\"Firefox\"}}");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2026-11-26T10:00:00.123Z").toEpochMilli());
        assertThat(e.level).isEqualTo(Level.WARN);
        assertThat(e.service).isEqualTo("checkout");
        assertThat(e.host).isEqualTo("web-1");
        assertThat(e.message).isEqualTo("Payment failed");
        assertThat(e.http).isTrue();
        assertThat(e.path).isEqualTo("/api/pay");
        assertThat(e.status).isEqualTo(502);
        assertThat(e.latencyMs).isEqualTo(12.5);
        assertThat(e.responseBytes).isEqualTo(1234);
        assertThat(e.clientIp).isEqualTo("10.0.0.7");
        assertThat(e.method).as("the shared string, not a copy").isSameAs("POST");
        assertThat(e.userAgent).isEqualTo("Mozilla/5.0 (X11)");
    }

    @Test
    void plainMethodAndUserAgentKeys() throws Exception {
        CompactEvent e =
                one(
                        plain,
                        "{\"method\":\"DELETE\",\"path\":\"/cart/7\",\"status\":204,"
                                + "\"ua\":\"okhttp/4.12.0\"}");
        assertThat(e.method).isSameAs("DELETE");
        assertThat(e.userAgent).isEqualTo("okhttp/4.12.0");
        CompactEvent ranked =
                one(
                        plain,
                        "{\"method\":\"GET\",\"http.request.method\":\"PROPFIND\","
                                + "\"status\":207,\"ua\":\"b\",\"user_agent\":\"a\"}");
        assertThat(ranked.method).as("ECS before the plain key").isEqualTo("PROPFIND");
        assertThat(ranked.userAgent).as("user_agent before ua").isEqualTo("a");
        CompactEvent none = one(plain, "{\"status\":200,\"method\":\"\",\"ua\":\"\"}");
        assertThat(none.http).isTrue();
        assertThat(none.method).as("empty is none").isNull();
        assertThat(none.userAgent).isNull();
        CompactEvent notHttp = one(plain, "{\"msg\":\"x\",\"method\":\"GET\"}");
        assertThat(notHttp.http).as("a method alone is no request").isFalse();
        assertThat(notHttp.method).isNull();
    }

    @Test
    void plainKeysDottedNamesAndDefaults() throws Exception {
        CompactEvent e = one(plain, "{\"ts\":1764151200,\"level\":\"ERROR\",\"msg\":\"boom\"}");
        assertThat(e.timestamp).isEqualTo(1_764_151_200_000L);
        assertThat(e.level).isEqualTo(Level.ERROR);
        assertThat(e.service).as("the source's service").isEqualTo("app");
        assertThat(e.message).isEqualTo("boom");
        assertThat(e.http).isFalse();
        assertThat(e.host).isNull();

        CompactEvent dotted =
                one(
                        plain,
                        "{\"log.level\":\"debug\",\"service.name\":\"search\",\"message\":\"\"}");
        assertThat(dotted.level).isEqualTo(Level.DEBUG);
        assertThat(dotted.service).isEqualTo("search");
        assertThat(dotted.timestamp).as("the record's time").isEqualTo(RECORD_TIME);

        CompactEvent bare = one(plain, "{}");
        assertThat(bare.message).isEmpty();
        assertThat(bare.level).isEqualTo(Level.INFO);
    }

    @Test
    void pinoNumbersAndOpenTelemetrySeverities() throws Exception {
        CompactEvent pino =
                one(
                        plain,
                        "{\"level\":50,\"time\":1764151200123,\"pid\":7,\"hostname\":\"h-1\","
                                + "\"msg\":\"request failed\"}");
        assertThat(pino.level).isEqualTo(Level.ERROR);
        assertThat(pino.timestamp).isEqualTo(1_764_151_200_123L);
        assertThat(pino.host).isEqualTo("h-1");
        assertThat(one(plain, "{\"severity_number\":13,\"body\":\"x\"}").level)
                .isEqualTo(Level.WARN);
        assertThat(one(plain, "{\"severityText\":\"FATAL\",\"severity_number\":9}").level)
                .as("text before number")
                .isEqualTo(Level.FATAL);
        assertThat(one(plain, "{\"time\":1764151200.25}").timestamp)
                .as("fractional epoch seconds")
                .isEqualTo(1_764_151_200_250L);
    }

    @Test
    void nginxJsonLogFormatRequestTimeIsSeconds() throws Exception {
        CompactEvent e =
                one(
                        plain,
                        "{\"time\":\"2026-11-26T10:00:00+01:00\",\"remote_addr\":\"192.0.2.1\","
                                + "\"uri\":\"/search\",\"status\":\"404\","
                                + "\"body_bytes_sent\":\"512\",\"request_time\":\"0.250\"}");
        assertThat(e.timestamp).isEqualTo(Instant.parse("2026-11-26T09:00:00Z").toEpochMilli());
        assertThat(e.http).isTrue();
        assertThat(e.path).isEqualTo("/search");
        assertThat(e.status).isEqualTo(404);
        assertThat(e.responseBytes).isEqualTo(512);
        assertThat(e.latencyMs).isEqualTo(250.0);
        assertThat(e.clientIp).isEqualTo("192.0.2.1");
        assertThat(e.method).isNull();
        assertThat(e.userAgent).isNull();
    }

    @Test
    void aSourcesMappingReplacesTheDefaultKeys() throws Exception {
        JsonFormat mapped =
                new JsonFormat(
                        new FormatSettings(
                                "edge", Map.of("service", "app_name", "message", "text")));
        CompactEvent e =
                one(mapped, "{\"app_name\":\"cart\",\"text\":\"hi\",\"message\":\"ignored\"}");
        assertThat(e.service).isEqualTo("cart");
        assertThat(e.message).isEqualTo("hi");
        assertThat(one(mapped, "{\"service\":\"not-this\"}").service).isEqualTo("edge");
    }

    @Test
    void linesOfChangingShapeParseAsOnAFreshInstance() throws Exception {
        // One instance reuses its state from line to line: keys left out, added, reordered,
        // nested or escaped must not change what a line gives.
        List<String> lines =
                List.of(
                        "{\"@timestamp\":\"2026-11-26T10:00:00Z\",\"service.name\":\"a\",\"log.level\":"
                            + "\"warn\",\"message\":\"one\",\"url.path\":\"/x?q\",\"method\":\"PUT\"}",
                        "{\"@timestamp\":\"2026-11-26T10:00:01Z\",\"log.level\":\"error\","
                                + "\"message\":\"two \\\"quoted\\\" \\u00e9\",\"status\":503}",
                        "{\"message\":\"three\",\"@timestamp\":\"2026-11-26T10:00:02Z\","
                                + "\"service\":{\"name\":\"b\"},\"user_agent\":\"caf\u00e9/1\","
                                + "\"url.path\":\"/\u00fc\"}",
                        "{\"@timestamp\":\"2026-11-26T10:00:03Z\",\"service.name\":\"a\",\"x\":[1,{\"y\":2}],"
                            + "\"log.level\":\"info\",\"message\":\"four\",\"url.path\":\"/y\"}",
                        "{\"@timestamp\":\"2026-11-26T10:00:00Z\",\"service.name\":\"a\",\"log.level\":"
                            + "\"warn\",\"message\":\"one\",\"url.path\":\"/x?q\",\"method\":\"PUT\"}");
        JsonFormat reused = new JsonFormat(new FormatSettings("app", Map.of()));
        for (String line : lines) {
            CompactEvent warm = one(reused, line);
            CompactEvent fresh = one(new JsonFormat(new FormatSettings("app", Map.of())), line);
            assertThat(warm)
                    .as(line)
                    .usingRecursiveComparison()
                    .withComparatorForType(Double::compare, Double.class)
                    .isEqualTo(fresh);
        }
        CompactEvent two = one(reused, lines.get(1));
        assertThat(two.message).isEqualTo("two \"quoted\" \u00e9");
        assertThat(two.level).isEqualTo(Level.ERROR);
        assertThat(two.status).isEqualTo(503);
        assertThat(two.path).isEmpty();
        CompactEvent three = one(reused, lines.get(2));
        assertThat(three.service).isEqualTo("b");
        assertThat(three.userAgent).isEqualTo("caf\u00e9/1");
        assertThat(three.path).isEqualTo("/\u00fc");
        assertThat(three.level).isEqualTo(Level.INFO);
        CompactEvent first = one(reused, lines.get(0));
        assertThat(first.path).isEqualTo("/x");
        assertThat(first.method).isSameAs("PUT");
        assertThat(first.timestamp).isEqualTo(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    }

    @Test
    void whatIsNotAJsonObjectIsUnparseableWithTheReason() {
        assertThat(failure("[1,2]")).isEqualTo("not a JSON object");
        assertThat(failure("hello world"))
                .isEqualTo(
                        "not valid JSON: unexpected character 'h' at byte 0, expected a JSON"
                                + " object");
        assertThat(failure("{\"a\":"))
                .isEqualTo(
                        "not valid JSON: unexpected end of the record at byte 5, expected a value");
        assertThat(failure("{\"msg\":\"unclosed"))
                .isEqualTo(
                        "not valid JSON: the string at byte 7 does not end before the end of the"
                                + " record");
        assertThat(failure("")).isEqualTo("not a JSON object");
        assertThat(failure(" \"text\" ")).isEqualTo("not a JSON object");
        assertThat(failure("not json"))
                .isEqualTo("not valid JSON: unexpected character 'o' at byte 1, expected 'null'");
        assertThat(failure("{} {}")).isEqualTo("more than one JSON value in the record");
        assertThat(failure("{} x"))
                .isEqualTo(
                        "not valid JSON: unexpected character 'x' at byte 3, expected the end of"
                                + " the record");
        assertThat(failure("{\"a\":tru}"))
                .isEqualTo("not valid JSON: unexpected character '}' at byte 8, expected 'true'");
        assertThat(failure("{\"a\":01}"))
                .isEqualTo("not valid JSON: a number with a leading zero at byte 5");
        assertThat(failure("{\"a\":[1,]}"))
                .isEqualTo("not valid JSON: unexpected character ']' at byte 8, expected a value");
        assertThat(failure("{\"a\":\"\\x\"}"))
                .isEqualTo(
                        "not valid JSON: unexpected character 'x' at byte 7, expected an escape"
                                + " (one of \"\\/bfnrtu) after '\\'");
        assertThat(failure("{\"a\":\"\t\"}"))
                .isEqualTo(
                        "not valid JSON: control character 0x09 in a string at byte 6 (it must be"
                                + " escaped)");
        assertThat(failure("{\"@timestamp\":\"yesterday\"}"))
                .isEqualTo("timestamp 'yesterday' (@timestamp) is not a time");
        assertThat(failure("{\"status\":\"ok\"}")).isEqualTo("status 'ok' is not a number");
        byte[] invalid = {
            '{', '"', 'm', 's', 'g', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'
        };
        assertThatThrownBy(() -> plain.parse(invalid, RECORD_TIME, new CompactEvent(), e -> {}))
                .isInstanceOf(UnparseableException.class)
                .hasMessage("not valid JSON: invalid UTF-8 sequence starting 0xc3 at byte 8");
    }

    @Test
    void deepNestingIsSkippedUpToJacksonsLimitAndNeverOverflowsTheStack() throws Exception {
        // Objects deeper than any key are skipped, not walked; the limit is the whole nesting.
        CompactEvent deep =
                one(
                        plain,
                        "{\"a\":"
                                + "{\"a\":".repeat(20)
                                + "1"
                                + "}".repeat(20)
                                + ",\"msg\":\"m\"}");
        assertThat(deep.message).isEqualTo("m");
        String limit =
                "[".repeat(JsonScanner.MAX_NESTING - 1) + "]".repeat(JsonScanner.MAX_NESTING - 1);
        assertThat(one(plain, "{\"a\":" + limit + "}").message).isEmpty();
        assertThat(failure("{\"a\":[" + limit + "]}"))
                .isEqualTo("not valid JSON: nested deeper than 1000 at byte 1004");
        assertThat(failure("{\"a\":" + "[{\"b\":".repeat(100_000)))
                .isEqualTo("not valid JSON: nested deeper than 1000 at byte 3000");
    }

    private String failure(String line) {
        try {
            one(plain, line);
        } catch (UnparseableException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed: " + line);
    }

    private static CompactEvent one(JsonFormat format, String line) throws UnparseableException {
        List<CompactEvent> out = new ArrayList<>();
        format.parse(
                line.getBytes(StandardCharsets.UTF_8),
                RECORD_TIME,
                new CompactEvent(),
                e -> out.add(new CompactEvent().copyFrom(e)));
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
