package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.OtlpSample.integer;
import static io.logflow.jobs.formats.OtlpSample.kv;
import static io.logflow.jobs.formats.OtlpSample.parse;
import static io.logflow.jobs.formats.OtlpSample.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpProtoFormatTest {

    private final OtlpProtoFormat format =
            new OtlpProtoFormat(new FormatSettings("otel", Map.of()));

    @Test
    void oneEventPerLogRecordOfEveryResource() throws Exception {
        OtlpSample.assertEvents(parse(format, OtlpSample.request().toByteArray()));
    }

    @Test
    void theFactoryKnowsIt() throws Exception {
        LogFormat byName = LogFormats.create("otlp-proto", new FormatSettings("otel", Map.of()));
        OtlpSample.assertEvents(parse(byName, OtlpSample.request().toByteArray()));
        assertThat(LogFormats.names())
                .startsWith("avro-confluent", "json")
                .endsWith("otlp-json", "otlp-proto");
    }

    @Test
    void requestsWithoutLogRecordsGiveNoEvents() throws Exception {
        assertThat(parse(format, new byte[0])).as("the empty message").isEmpty();
        ExportLogsServiceRequest noRecords =
                ExportLogsServiceRequest.newBuilder()
                        .addResourceLogs(
                                ResourceLogs.newBuilder()
                                        .setResource(
                                                Resource.newBuilder()
                                                        .addAttributes(
                                                                kv("service.name", string("a"))))
                                        .addScopeLogs(ScopeLogs.getDefaultInstance()))
                        .build();
        assertThat(parse(format, noRecords.toByteArray())).isEmpty();
    }

    @Test
    void bytesThatAreNoRequestAreUnparseable() {
        assertThatThrownBy(
                        () -> parse(format, "not protobuf at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnparseableException.class)
                .hasMessage(
                        "not an OTLP ExportLogsServiceRequest: Protocol message tag had invalid"
                                + " wire type.");
        byte[] whole = OtlpSample.request().toByteArray();
        assertThatThrownBy(() -> parse(format, Arrays.copyOf(whole, whole.length - 3)))
                .isInstanceOf(UnparseableException.class)
                .hasMessageStartingWith(
                        "not an OTLP ExportLogsServiceRequest: While parsing a protocol message,"
                                + " the input ended unexpectedly");
    }

    @Test
    void mappedKeysReplaceTheConventions() throws Exception {
        OtlpProtoFormat mapped =
                new OtlpProtoFormat(
                        new FormatSettings(
                                "otel",
                                Map.of(
                                        "service", "k8s.deployment.name",
                                        "host", "k8s.pod.name",
                                        "http.status", "status",
                                        "http.path", "path",
                                        "http.latency-ms", "duration_ms",
                                        "http.bytes", "bytes",
                                        "http.client-ip", "remote")));
        LogRecord log =
                LogRecord.newBuilder()
                        .setSeverityNumberValue(13)
                        .addAttributes(kv("http.response.status_code", integer(500)))
                        .addAttributes(kv("status", integer(201)))
                        .addAttributes(kv("path", string("/orders")))
                        .addAttributes(kv("duration_ms", integer(40)))
                        .addAttributes(kv("http.server.request.duration", integer(9)))
                        .addAttributes(kv("bytes", string("77")))
                        .addAttributes(kv("remote", string("10.1.1.1")))
                        .build();
        ExportLogsServiceRequest request =
                ExportLogsServiceRequest.newBuilder()
                        .addResourceLogs(
                                ResourceLogs.newBuilder()
                                        .setResource(
                                                Resource.newBuilder()
                                                        .addAttributes(
                                                                kv("service.name", string("x")))
                                                        .addAttributes(
                                                                kv(
                                                                        "k8s.deployment.name",
                                                                        string("orders")))
                                                        .addAttributes(
                                                                kv(
                                                                        "k8s.pod.name",
                                                                        string("orders-7f9c"))))
                                        .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(log)))
                        .build();
        List<CompactEvent> events = parse(mapped, request.toByteArray());
        assertThat(events).hasSize(1);
        CompactEvent e = events.get(0);
        assertThat(e.service).isEqualTo("orders");
        assertThat(e.host).isEqualTo("orders-7f9c");
        assertThat(e.level).isEqualTo(Level.WARN);
        assertThat(e.http).isTrue();
        assertThat(e.status).isEqualTo(201);
        assertThat(e.path).isEqualTo("/orders");
        assertThat(e.latencyMs).as("a mapped latency is in millis").isEqualTo(40.0);
        assertThat(e.responseBytes).isEqualTo(77);
        assertThat(e.clientIp).isEqualTo("10.1.1.1");
    }

    @Test
    void attributesOfTheWrongKindCountAsAbsent() throws Exception {
        LogRecord log =
                LogRecord.newBuilder()
                        .addAttributes(kv("http.response.status_code", string("teapot")))
                        .addAttributes(kv("http.server.request.duration", string("slow")))
                        .build();
        ExportLogsServiceRequest request =
                ExportLogsServiceRequest.newBuilder()
                        .addResourceLogs(
                                ResourceLogs.newBuilder()
                                        .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(log)))
                        .build();
        CompactEvent e = parse(format, request.toByteArray()).get(0);
        assertThat(e.http).isFalse();
        assertThat(e.status).isZero();
        assertThat(e.latencyMs).isNaN();
    }

    @Test
    void fieldsALogRecordCarriesItselfCannotBeMapped() {
        assertThatThrownBy(
                        () ->
                                new OtlpProtoFormat(
                                        new FormatSettings("otel", Map.of("level", "lvl"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "fields.level does not apply to an OTLP format: a log record carries its"
                                + " time, severity and body in fields of their own");
    }
}
