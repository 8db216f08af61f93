package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.generator.LineRenderer;
import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every raw line the generator writes parses back, through the job's own format, to its event. */
class GeneratorLinesTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:05.250Z");

    private static LogEvent event(boolean http) {
        return LogEvent.newBuilder()
                .setTimestamp(AT)
                .setService("checkout")
                .setHost("checkout-1")
                .setLevel(Level.ERROR)
                .setMessage("Payment \"7\" failed for ünïcode")
                .setHttp(
                        http
                                ? HttpInfo.newBuilder()
                                        .setMethod("POST")
                                        .setPath("/api/pay")
                                        .setStatus(502)
                                        .setLatencyMs(123.0)
                                        .setResponseBytes(42)
                                        .setClientIp("10.0.0.7")
                                        .setUserAgent("curl/8")
                                        .build()
                                : null)
                .setAttributes(Map.of("region", "eu-1"))
                .build();
    }

    private static CompactEvent parse(String format, LogEvent e) throws Exception {
        LogFormat parser = LogFormats.create(format, new FormatSettings("from-source", Map.of()));
        List<CompactEvent> out = new ArrayList<>();
        CompactEvent scratch = new CompactEvent().reset(0L, "from-source");
        parser.parse(
                LineRenderer.render(format, e),
                0L,
                scratch,
                c -> out.add(new CompactEvent().copyFrom(c)));
        assertThat(out).as(format).hasSize(1);
        return out.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "logfmt", "syslog", "text", "otlp-json", "otlp-proto"})
    void applicationFormatsCarryServiceLevelMessageAndTime(String format) throws Exception {
        CompactEvent c = parse(format, event(false));
        assertThat(c.level).isEqualTo(Level.ERROR);
        if (format.equals("text")) {
            // A plain line: level and time are its recognised prefixes, the rest is the message,
            // and the service is the source's.
            assertThat(c.service).isEqualTo("from-source");
            assertThat(c.message).isEqualTo("[main] checkout - Payment \"7\" failed for ünïcode");
        } else {
            assertThat(c.service).isEqualTo("checkout");
            assertThat(c.message).isEqualTo("Payment \"7\" failed for ünïcode");
        }
        assertThat(c.timestamp).isEqualTo(AT.toEpochMilli());
        assertThat(c.http).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "logfmt", "otlp-json", "otlp-proto", "nginx"})
    void formatsWithRequestsCarryTheirHttpFacts(String format) throws Exception {
        CompactEvent c = parse(format, event(true));
        assertThat(c.http).isTrue();
        assertThat(c.path).isEqualTo("/api/pay");
        assertThat(c.status).isEqualTo(502);
        assertThat(c.latencyMs).isEqualTo(123.0);
        assertThat(c.responseBytes).isEqualTo(42);
        assertThat(c.method).isSameAs("POST");
        if (!format.equals("logfmt")) {
            assertThat(c.clientIp).isEqualTo("10.0.0.7");
        }
        if (!format.equals("logfmt")) {
            assertThat(c.userAgent).isEqualTo("curl/8");
        }
        // An access log names no service: the source's; and its time is to the second.
        if (format.equals("nginx")) {
            assertThat(c.service).isEqualTo("from-source");
            assertThat(c.timestamp).isEqualTo(AT.toEpochMilli() - 250);
        } else {
            assertThat(c.service).isEqualTo("checkout");
            assertThat(c.timestamp).isEqualTo(AT.toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "syslog", "otlp-json", "otlp-proto"})
    void formatsWithAHostCarryIt(String format) throws Exception {
        assertThat(parse(format, event(true)).host).isEqualTo("checkout-1");
    }

    /** Both OTLP encodings of the traffic model's own events, field by field, through the job. */
    @ParameterizedTest
    @ValueSource(strings = {"otlp-proto", "otlp-json"})
    void generatedOtlpRequestsParseBackToTheirEvents(String format) throws Exception {
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(15).build());
        int withHttp = 0;
        for (int i = 0; i < 2_000; i++) {
            LogEvent e = model.next();
            CompactEvent c = parse(format, e);
            String at = format + " event " + i + ": " + e;
            assertThat(c.service).as(at).isEqualTo(e.getService());
            assertThat(c.host).as(at).isEqualTo(e.getHost());
            assertThat(c.level).as(at).isEqualTo(e.getLevel());
            assertThat(c.message).as(at).isEqualTo(e.getMessage());
            assertThat(c.timestamp).as(at).isEqualTo(e.getTimestamp().toEpochMilli());
            HttpInfo h = e.getHttp();
            assertThat(c.http).as(at).isEqualTo(h != null);
            if (h == null) {
                continue;
            }
            withHttp++;
            assertThat(c.method).as(at).isEqualTo(h.getMethod());
            assertThat(c.path).as(at).isEqualTo(h.getPath());
            assertThat(c.status).as(at).isEqualTo(h.getStatus());
            // The record carries seconds, as the semantic conventions measure durations.
            assertThat(c.latencyMs).as(at).isEqualTo(h.getLatencyMs() / 1000.0 * 1000.0);
            assertThat(c.responseBytes).as(at).isEqualTo(h.getResponseBytes());
            assertThat(c.clientIp).as(at).isEqualTo(h.getClientIp());
            assertThat(c.userAgent).as(at).isEqualTo(h.getUserAgent());
        }
        assertThat(withHttp).as("requests among them, seed 15").isEqualTo(1_775);
    }
}
