package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.normalize.NormalizeJob;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code normalize}: raw topics in, Confluent-framed Avro {@code LogEvent}s out, exactly once,
 * keyed by service, with dead letters for what does not parse; the analytics job then counts the
 * governed topic exactly as it would have counted the raw ones.
 */
class NormalizeJobITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void rawSourcesBecomeAvroLogEventsExactlyOnce() throws Exception {
        String nginx = KAFKA.createTopic("edge-nginx", 2);
        List<String> access = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int status = i < 3 ? 503 : 200;
            access.add(
                    "10.0.0."
                            + i
                            + " - - [26/Nov/2026:10:00:"
                            + String.format("%02d", 10 + i)
                            + " +0000] \""
                            + (i % 2 == 0 ? "GET" : "POST")
                            + " /api/items?page="
                            + i
                            + " HTTP/1.1\" "
                            + status
                            + " 512 \"-\" \""
                            // Every third client sent no user agent: nginx logs "-".
                            + (i % 3 == 0 ? "-" : "curl/8.5." + i)
                            + "\" 0.250");
        }
        access.add("definitely not an access log line");
        KAFKA.sendValues(nginx, bytes(access));
        String json = KAFKA.createTopic("app-json", 1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(
                    "{\"@timestamp\":\""
                            + T0.plusSeconds(3L * i)
                            + "\",\"log.level\":\""
                            + (i % 2 == 0 ? "warn" : "info")
                            + "\",\"service.name\":\"cart\",\"host.name\":\"cart-1\","
                            + "\"message\":\"Warenkorb "
                            + i
                            + " geändert\"}");
        }
        lines.add("{not json");
        KAFKA.sendValues(json, bytes(lines));
        String out = KAFKA.createTopic("logs-normalized", 2);
        String dlq = KAFKA.createTopic("normalize-dlq", 1);

        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--kafka.bootstrap-servers", KAFKA.bootstrapServers(),
                        "--registry.url", REGISTRY.url(),
                        "--input.sources", "edge=nginx;app=json",
                        "--input.sources.edge.topic", nginx,
                        "--input.sources.edge.service", "edge",
                        "--input.sources.app.topic", json,
                        "--input.starting-offsets", "earliest",
                        "--input.bounded", "true",
                        "--normalize.output-topic", out,
                        "--output.dead-letter-topic", dlq,
                        "--output.transactional-id-prefix", "normalize-it",
                        "--execution.checkpointing.interval", "300ms",
                        "--parallelism.default", "2");
        NormalizeJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), config);

        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        LogEvent.class, out, REGISTRY.clientConfig().build());
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.read(out, 20, Duration.ofSeconds(60));
        assertThat(records).hasSize(20);
        Map<String, List<LogEvent>> byService = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            // Confluent wire format: magic byte 0 and a registered schema id, keyed by service.
            assertThat(r.value()[0]).isZero();
            LogEvent e = reader.deserialize(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(e.getService());
            byService.computeIfAbsent(e.getService(), s -> new ArrayList<>()).add(e);
        }
        assertThat(byService.keySet()).containsExactly("cart", "edge");
        List<LogEvent> edge = byService.get("edge");
        assertThat(edge).hasSize(12);
        assertThat(edge).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(3);
        assertThat(edge)
                .allSatisfy(
                        e -> {
                            assertThat(e.getHttp().getPath()).isEqualTo("/api/items");
                            assertThat(e.getHttp().getLatencyMs()).isEqualTo(250.0);
                            String ip = e.getHttp().getClientIp();
                            int i = Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
                            assertThat(e.getHttp().getMethod())
                                    .as(ip)
                                    .isEqualTo(i % 2 == 0 ? "GET" : "POST");
                            assertThat(e.getHttp().getUserAgent())
                                    .as(ip)
                                    .isEqualTo(i % 3 == 0 ? null : "curl/8.5." + i);
                        });
        assertThat(edge)
                .extracting(e -> e.getHttp().getClientIp())
                .containsExactlyInAnyOrder(
                        "10.0.0.0",
                        "10.0.0.1",
                        "10.0.0.2",
                        "10.0.0.3",
                        "10.0.0.4",
                        "10.0.0.5",
                        "10.0.0.6",
                        "10.0.0.7",
                        "10.0.0.8",
                        "10.0.0.9",
                        "10.0.0.10",
                        "10.0.0.11");
        List<LogEvent> cart = byService.get("cart");
        assertThat(cart).hasSize(8);
        assertThat(cart).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(4);
        assertThat(cart).extracting(LogEvent::getMessage).contains("Warenkorb 7 geändert");
        assertThat(cart).extracting(LogEvent::getHost).containsOnly("cart-1");
        assertThat(cart).extracting(LogEvent::getHttp).containsOnly((HttpInfo) null);
        assertThat(cart).extracting(LogEvent::getTimestamp).contains(T0.plusSeconds(21));

        var dead =
                ConfluentAvroSerdes.valueDeserializer(
                        DeadLetter.class, dlq, REGISTRY.clientConfig().build());
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(dlq, 2, Duration.ofSeconds(60))) {
            letters.add(dead.deserialize(r.value()));
        }
        assertThat(letters).hasSize(2);
        assertThat(letters)
                .extracting(DeadLetter::getReason)
                .containsOnly(DeadLetterReason.UNPARSEABLE);
        assertThat(letters)
                .extracting(l -> StandardCharsets.UTF_8.decode(l.getValue().duplicate()).toString())
                .containsExactlyInAnyOrder("definitely not an access log line", "{not json");

        // The governed topic through the analytics job: the same counts as the raw lines give.
        BoundedRawJob analytics = new BoundedRawJob(KAFKA, REGISTRY);
        analytics.run("normalized-analytics", "--input.topics", out);
        Map<String, WindowStats> windows = analytics.windows(2, T0);
        assertThat(windows.get("edge").getCount()).isEqualTo(12);
        assertThat(windows.get("edge").getStatusClassCounts()).containsEntry("5xx", 3L);
        assertThat(windows.get("cart").getCount()).isEqualTo(8);
        assertThat(windows.get("cart").getLevelCounts()).containsEntry("WARN", 4L);
    }

    @Test
    void readingItsOwnOutputTopicIsRefused() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--input.sources", "logs=nginx", "--normalize.output-topic", "logs");
        assertThatThrownBy(
                        () ->
                                NormalizeJob.run(
                                        StreamExecutionEnvironment.getExecutionEnvironment(),
                                        config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'logs' reads logs")
                .hasMessageContaining("normalize.output-topic");
    }

    private static List<byte[]> bytes(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
