package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.WindowStats;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analytics job reads OTLP export requests as the collector's Kafka exporter writes them, in
 * both its encodings (otlp_proto and otlp_json, one source each, the same requests): each log
 * record is one event in its resource's service's window, exact to the event, so every count is
 * twice one encoding's; an empty request is no event, and a record that is no request a dead
 * letter.
 */
class OtlpSourceITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final int REQUESTS = 10;

    @Test
    void exportRequestsBecomeOneEventPerLogRecord() throws Exception {
        String otel = KAFKA.createTopic("otel-logs", 2);
        BoundedRawJob job = new BoundedRawJob(KAFKA, REGISTRY);

        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long millis = T0.plusSeconds(2L * i).toEpochMilli();
            records.add(new ProducerRecord<>(otel, null, millis, null, request(i).toByteArray()));
        }
        records.add(new ProducerRecord<>(otel, new byte[0]));
        records.add(
                new ProducerRecord<>(otel, "not protobuf at all".getBytes(StandardCharsets.UTF_8)));
        KAFKA.send(otel, records);
        // The same requests as the collector's otlp_json encoding writes them, on a second source.
        String json = KAFKA.createTopic("otel-json", 1);
        List<ProducerRecord<byte[], byte[]>> jsonRecords = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String text = com.google.protobuf.util.JsonFormat.printer().print(request(i));
            jsonRecords.add(
                    new ProducerRecord<>(
                            json,
                            null,
                            T0.plusSeconds(2L * i).toEpochMilli(),
                            null,
                            text.getBytes(StandardCharsets.UTF_8)));
        }
        jsonRecords.add(new ProducerRecord<>(json, "[1, 2]".getBytes(StandardCharsets.UTF_8)));
        KAFKA.send(json, jsonRecords);

        job.run(
                "otlp-source-it",
                "--input.sources",
                "otel=otlp-proto;oteljson=otlp-json",
                "--input.sources.otel.topic",
                otel,
                "--input.sources.otel.service",
                "collector",
                "--input.sources.oteljson.topic",
                json,
                "--input.sources.oteljson.service",
                "collector");

        Map<String, WindowStats> results = job.windows(3, T0);
        assertThat(results.keySet()).containsExactly("checkout", "collector", "search");
        WindowStats checkout = results.get("checkout");
        assertThat(checkout.getCount()).as("both encodings").isEqualTo(2 * 3L * REQUESTS);
        assertThat(checkout.getLevelCounts())
                .containsEntry("ERROR", 20L)
                .containsEntry("WARN", 20L)
                .containsEntry("INFO", 20L);
        assertThat(checkout.getHttpCount()).isEqualTo(20);
        assertThat(checkout.getStatusClassCounts())
                .containsEntry("5xx", 10L)
                .containsEntry("2xx", 10L);
        assertThat(checkout.getLatency().getMax()).as("seconds to millis").isEqualTo(100.0);
        assertThat(checkout.getTopPaths())
                .allSatisfy(p -> assertThat(p.getItem()).isEqualTo("/api/pay"));
        WindowStats search = results.get("search");
        assertThat(search.getCount()).isEqualTo(2 * 2L * REQUESTS);
        assertThat(search.getLevelCounts()).containsEntry("DEBUG", 20L).containsEntry("FATAL", 20L);
        assertThat(search.getHttpCount()).isZero();
        assertThat(results.get("collector").getCount())
                .as("no service.name: the source's service")
                .isEqualTo(2 * REQUESTS / 2);

        List<DeadLetter> letters = job.deadLetters(2);
        assertThat(letters)
                .filteredOn(d -> d.getTopic().equals(json))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.getDetail())
                                        .startsWith(
                                                "otlp-json source 'oteljson': not OTLP/JSON: "));
        DeadLetter letter =
                letters.stream().filter(d -> d.getTopic().equals(otel)).findFirst().orElseThrow();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
        assertThat(letter.getDetail())
                .isEqualTo(
                        "otlp-proto source 'otel': not an OTLP ExportLogsServiceRequest: Protocol"
                                + " message tag had invalid wire type.");
        assertThat(new String(letter.getValue().array(), StandardCharsets.UTF_8))
                .isEqualTo("not protobuf at all");
        assertThat(letter.getTopic()).isEqualTo(otel);
    }

    /**
     * Request {@code i}: checkout's ERROR request (status 500 on even i, 200 on odd), WARN and INFO
     * records; search's DEBUG and FATAL ones; on even i a record of a resource without a service.
     */
    private static ExportLogsServiceRequest request(int i) {
        long nanos = T0.plusSeconds(2L * i).toEpochMilli() * 1_000_000L;
        LogRecord http =
                LogRecord.newBuilder()
                        .setTimeUnixNano(nanos)
                        .setSeverityNumberValue(17)
                        .setBody(string("request " + i + " failed"))
                        .addAttributes(
                                kv("http.response.status_code", int64(i % 2 == 0 ? 500 : 200)))
                        .addAttributes(kv("url.path", string("/api/pay?order=" + i)))
                        .addAttributes(
                                kv(
                                        "http.server.request.duration",
                                        AnyValue.newBuilder()
                                                .setDoubleValue((i + 1) / 100.0)
                                                .build()))
                        .build();
        LogRecord warn =
                LogRecord.newBuilder()
                        .setObservedTimeUnixNano(nanos + 1_000_000L)
                        .setSeverityText("WARN")
                        .setBody(string("slow " + i))
                        .build();
        LogRecord info = LogRecord.newBuilder().setBody(string("cart " + i)).build();
        ExportLogsServiceRequest.Builder request =
                ExportLogsServiceRequest.newBuilder()
                        .addResourceLogs(resource("checkout", http, warn, info))
                        .addResourceLogs(
                                resource(
                                        "search",
                                        LogRecord.newBuilder()
                                                .setTimeUnixNano(nanos)
                                                .setSeverityNumberValue(5)
                                                .setBody(string("query " + i))
                                                .build(),
                                        LogRecord.newBuilder()
                                                .setTimeUnixNano(nanos)
                                                .setSeverityNumberValue(21)
                                                .setBody(string("index lost"))
                                                .build()));
        if (i % 2 == 0) {
            request.addResourceLogs(
                    ResourceLogs.newBuilder()
                            .addScopeLogs(
                                    ScopeLogs.newBuilder()
                                            .addLogRecords(
                                                    LogRecord.newBuilder()
                                                            .setTimeUnixNano(nanos)
                                                            .setBody(string("anonymous")))));
        }
        return request.build();
    }

    private static ResourceLogs resource(String service, LogRecord... logs) {
        return ResourceLogs.newBuilder()
                .setResource(
                        Resource.newBuilder()
                                .addAttributes(kv("service.name", string(service)))
                                .addAttributes(kv("host.name", string(service + "-1"))))
                .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(List.of(logs)))
                .build();
    }

    private static AnyValue string(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    private static AnyValue int64(long v) {
        return AnyValue.newBuilder().setIntValue(v).build();
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }
}
