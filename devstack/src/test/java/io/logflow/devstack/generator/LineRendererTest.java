package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator's raw lines, exactly as a shipper would write them for one event. */
class LineRendererTest {

    private static final LogEvent EVENT =
            LogEvent.newBuilder()
                    .setTimestamp(Instant.parse("2026-11-26T10:00:05.250Z"))
                    .setService("checkout")
                    .setHost("checkout-1")
                    .setLevel(Level.ERROR)
                    .setMessage("Payment \"7\" failed")
                    .setHttp(
                            HttpInfo.newBuilder()
                                    .setMethod("POST")
                                    .setPath("/api/pay")
                                    .setStatus(502)
                                    .setLatencyMs(123.0)
                                    .setResponseBytes(42)
                                    .setClientIp("10.0.0.7")
                                    .setUserAgent("curl/8")
                                    .build())
                    .setAttributes(Map.of("region", "eu-1"))
                    .build();

    @Test
    void everyFormatWritesTheEventAsItsShipperWould() {
        assertThat(line("nginx"))
                .isEqualTo(
                        "10.0.0.7 - - [26/Nov/2026:10:00:05 +0000] \"POST /api/pay HTTP/1.1\" 502"
                                + " 42 \"-\" \"curl/8\" 0.123");
        assertThat(line("syslog"))
                .isEqualTo(
                        "<131>1 2026-11-26T10:00:05.250Z checkout-1 checkout - - - Payment \"7\""
                                + " failed");
        assertThat(line("logfmt"))
                .isEqualTo(
                        "ts=2026-11-26T10:00:05.250Z level=error service=checkout host=checkout-1"
                                + " msg=\"Payment \\\"7\\\" failed\" method=POST path=/api/pay"
                                + " status=502 duration=123.0ms bytes=42");
        assertThat(line("text"))
                .isEqualTo("2026-11-26 10:00:05,250 ERROR [main] checkout - Payment \"7\" failed");
        assertThat(line("json"))
                .isEqualTo(
                        "{\"@timestamp\":\"2026-11-26T10:00:05.250Z\",\"service.name\":\"checkout\","
                            + "\"host.name\":\"checkout-1\",\"log.level\":\"error\",\"message\":\"Payment"
                            + " \\\"7\\\" failed\","
                            + "\"http.request.method\":\"POST\",\"url.path\":\"/api/pay\","
                            + "\"http.response.status_code\":502,\"event.duration\":123000000,"
                            + "\"http.response.body.bytes\":42,\"client.ip\":\"10.0.0.7\","
                            + "\"user_agent.original\":\"curl/8\",\"labels\":{\"region\":\"eu-1\"}}");
    }

    @Test
    void otlpProtoIsOneExportRequestOfTheEvent() throws Exception {
        ExportLogsServiceRequest request =
                ExportLogsServiceRequest.parseFrom(LineRenderer.render("otlp-proto", EVENT));
        assertThat(request.getResourceLogsCount()).isEqualTo(1);
        ResourceLogs resource = request.getResourceLogs(0);
        assertThat(resource.getResource().getAttributesList())
                .containsExactly(kv("service.name", "checkout"), kv("host.name", "checkout-1"));
        assertThat(resource.getScopeLogsCount()).isEqualTo(1);
        assertThat(resource.getScopeLogs(0).getScope().getName()).isEqualTo("logflow-generator");
        assertThat(resource.getScopeLogs(0).getLogRecordsCount()).isEqualTo(1);
        LogRecord log = resource.getScopeLogs(0).getLogRecords(0);
        assertThat(log.getTimeUnixNano()).isEqualTo(1_795_687_205_250_000_000L);
        assertThat(log.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
        assertThat(log.getSeverityText()).isEqualTo("ERROR");
        assertThat(log.getBody().getStringValue()).isEqualTo("Payment \"7\" failed");
        assertThat(log.getAttributesList())
                .containsExactly(
                        kv("http.request.method", "POST"),
                        kv("url.path", "/api/pay"),
                        kv("http.response.status_code", AnyValue.newBuilder().setIntValue(502)),
                        kv(
                                "http.server.request.duration",
                                AnyValue.newBuilder().setDoubleValue(0.123)),
                        kv("http.response.body.size", AnyValue.newBuilder().setIntValue(42)),
                        kv("client.address", "10.0.0.7"),
                        kv("user_agent.original", "curl/8"),
                        kv("region", "eu-1"));
    }

    private static KeyValue kv(String key, String value) {
        return kv(key, AnyValue.newBuilder().setStringValue(value));
    }

    private static KeyValue kv(String key, AnyValue.Builder value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static String line(String format) {
        return new String(LineRenderer.render(format, EVENT), StandardCharsets.UTF_8);
    }
}
