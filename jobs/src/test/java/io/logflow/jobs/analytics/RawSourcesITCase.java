package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One job reads an Avro topic and raw topics of other formats side by side ({@code input.sources}):
 * their events meet in the same windows, exact to the event, and lines that do not parse are dead
 * letters naming their source and format, with their original bytes.
 */
class RawSourcesITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void avroAndRawSourcesMeetInOneStream() throws Exception {
        String avro = KAFKA.createTopic("logs", 2);
        String json = KAFKA.createTopic("app-json", 1);
        BoundedRawJob job = new BoundedRawJob(KAFKA, REGISTRY);
        RegistryClientConfig registry = REGISTRY.clientConfig().build();

        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, avro, registry);
        List<byte[]> avroValues = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            avroValues.add(serializer.serialize(avroEvent(i)));
        }
        KAFKA.sendValues(avro, avroValues);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(
                    "{\"@timestamp\":\""
                            + T0.plusSeconds(2L * i)
                            + "\",\"log.level\":\""
                            + (i % 4 == 0 ? "error" : "info")
                            + "\",\"service.name\":\"cart\",\"message\":\"item "
                            + i
                            + " added\",\"http.response.status_code\":"
                            + (i % 4 == 0 ? 500 : 200)
                            + ",\"url.path\":\"/cart?id="
                            + i
                            + "\",\"event.duration\":"
                            + (i + 1) * 1_000_000
                            + "}");
        }
        lines.add("{\"ts\":\"" + T0.plusSeconds(59) + "\",\"msg\":\"no service in the line\"}");
        lines.add("not json at all");
        lines.add("{\"@timestamp\":\"yesterday\",\"message\":\"x\"}");
        KAFKA.sendValues(json, bytes(lines));
        // nginx's default combined format; 2 of 10 answered 500, 1 answered 404.
        String nginx = KAFKA.createTopic("edge-nginx", 1);
        List<String> access = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int status = i < 2 ? 500 : i == 2 ? 404 : 200;
            access.add(
                    "10.0.0."
                            + i
                            + " - - [26/Nov/2026:10:00:"
                            + String.format("%02d", 5 + i)
                            + " +0000] \"GET /api/items?page="
                            + i
                            + " HTTP/1.1\" "
                            + status
                            + " 512 \"-\" \"curl/8.5.0\" 0."
                            + String.format("%03d", 10 * (i + 1)));
        }
        KAFKA.sendValues(nginx, bytes(access));
        // RFC 5424 from sshd: PRI 11 is facility 1, severity 3 (error); PRI 14 severity 6 (info).
        String syslog = KAFKA.createTopic("hosts-syslog", 1);
        List<String> sys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sys.add(
                    "<"
                            + (i < 3 ? 11 : 14)
                            + ">1 2026-11-26T10:00:"
                            + String.format("%02d", 20 + i)
                            + "Z bastion-1 sshd 4242 AUTH [origin ip=\"192.0.2.9\"][meta note=\"a"
                            + " \\] in it\" sequenceId=\""
                            + i
                            + "\"] "
                            + (i < 3
                                    ? "Failed password for root from 192.0.2." + i
                                    : "Accepted key"));
        }
        sys.add("no priority here");
        KAFKA.sendValues(syslog, bytes(sys));
        // logfmt and plain text lines of one service (billing): its window holds both.
        String logfmt = KAFKA.createTopic("billing-logfmt", 1);
        KAFKA.sendValues(
                logfmt,
                bytes(
                        List.of(
                                "ts=2026-11-26T10:00:30Z level=error service=billing"
                                        + " msg=\"Überweisung \\\"42\\\" fehlgeschlagen: 支付失败\""
                                        + " status=502 path=/pay duration=1.5s",
                                "ts=2026-11-26T10:00:31Z level=warn service=billing msg=retrying",
                                "ts=2026-11-26T10:00:32Z service=billing msg=\"no level: INFO\"",
                                "ts=2026-11-26T10:00:33Z level=info service=billing",
                                "ts=2026-11-26T10:00:34Z level=debug service=billing msg=done",
                                "ts=2026-11-26T10:00:35Z level=info service=billing"
                                        + " msg=\"unclosed")));
        // Lines without a time of their own take their Kafka record's: T0 + 45 s here.
        String text = KAFKA.createTopic("billing-text", 1);
        List<org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>> textRecords =
                new ArrayList<>();
        for (String line :
                List.of(
                        "2026-11-26 10:00:40,123 ERROR [main] Billing - invoice 7 failed",
                        "E1126 10:00:41.000001 1234 batch.go:12] settlement failed",
                        "[WARN] 2 invoices late",
                        "plain words, nothing recognised")) {
            textRecords.add(
                    new org.apache.kafka.clients.producer.ProducerRecord<>(
                            text,
                            0,
                            T0.plusSeconds(45).toEpochMilli(),
                            null,
                            line.getBytes(StandardCharsets.UTF_8)));
        }
        KAFKA.send(text, textRecords);
        // Apache common format from IPv6 clients.
        String apache = KAFKA.createTopic("web-apache", 1);
        KAFKA.sendValues(
                apache,
                bytes(
                        List.of(
                                "2001:db8::1 - frank [26/Nov/2026:10:00:50 +0000] \"GET /index.html"
                                        + " HTTP/1.0\" 200 2326",
                                "2001:db8::2 - - [26/Nov/2026:10:00:51 +0000] \"GET /missing"
                                        + " HTTP/1.1\" 404 -",
                                "2001:db8::1 - - [26/Nov/2026:10:00:52 +0000] \"POST /form"
                                        + " HTTP/1.1\" 201 17")));

        job.run(
                "raw-sources-it",
                "--input.sources",
                "logs=avro-confluent;app=json;edge=nginx;hosts=syslog;pay=logfmt;batch=text;"
                        + "web=apache",
                "--input.sources.pay.topic",
                logfmt,
                "--input.sources.batch.topic",
                text,
                "--input.sources.batch.service",
                "billing",
                "--input.sources.web.topic",
                apache,
                "--input.sources.web.service",
                "web",
                "--input.sources.logs.topic",
                avro,
                "--input.sources.app.topic",
                json,
                "--input.sources.edge.topic",
                nginx,
                "--input.sources.edge.service",
                "edge",
                "--input.sources.hosts.topic",
                syslog,
                "--input.sources.app.service",
                "shop");

        Map<String, WindowStats> results = job.windows(7, T0);
        assertThat(results.keySet())
                .containsExactly("billing", "cart", "checkout", "edge", "shop", "sshd", "web");
        // Two formats, one service: the window holds the sum of both parts.
        WindowStats billing = results.get("billing");
        assertThat(billing.getCount()).isEqualTo(5 + 4);
        assertThat(billing.getLevelCounts())
                .containsEntry("ERROR", 1L + 2L)
                .containsEntry("WARN", 1L + 1L)
                .containsEntry("INFO", 2L + 1L)
                .containsEntry("DEBUG", 1L);
        assertThat(billing.getHttpCount()).isEqualTo(1);
        assertThat(billing.getLatency().getMax()).as("1.5s").isEqualTo(1500.0);
        assertThat(billing.getTopErrors())
                .extracting(t -> t.getItem())
                .contains("Überweisung \"42\" fehlgeschlagen: 支付失败");
        WindowStats web = results.get("web");
        assertThat(web.getCount()).isEqualTo(3);
        assertThat(web.getDistinctClientIps()).isEqualTo(2);
        assertThat(web.getBytesSum()).isEqualTo(2326 + 17);
        assertThat(web.getLevelCounts()).containsEntry("WARN", 1L).containsEntry("INFO", 2L);
        WindowStats edge = results.get("edge");
        assertThat(edge.getCount()).isEqualTo(10);
        assertThat(edge.getLevelCounts())
                .containsEntry("ERROR", 2L)
                .containsEntry("WARN", 1L)
                .containsEntry("INFO", 7L);
        assertThat(edge.getStatusClassCounts())
                .containsEntry("5xx", 2L)
                .containsEntry("4xx", 1L)
                .containsEntry("2xx", 7L);
        assertThat(edge.getLatency().getMax()).as("$request_time is seconds").isEqualTo(100.0);
        assertThat(edge.getBytesSum()).isEqualTo(5120);
        assertThat(edge.getDistinctClientIps()).isEqualTo(10);
        assertThat(edge.getTopPaths())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getItem()).isEqualTo("/api/items");
                            assertThat(p.getCount()).isEqualTo(10);
                        });
        WindowStats sshd = results.get("sshd");
        assertThat(sshd.getCount()).as("app-name is the service").isEqualTo(5);
        assertThat(sshd.getLevelCounts()).containsEntry("ERROR", 3L).containsEntry("INFO", 2L);
        assertThat(sshd.getDistinctHosts()).isEqualTo(1);
        assertThat(results.get("checkout").getCount()).isEqualTo(30);
        WindowStats cart = results.get("cart");
        assertThat(cart.getCount()).isEqualTo(20);
        assertThat(cart.getLevelCounts()).containsEntry("ERROR", 5L).containsEntry("INFO", 15L);
        assertThat(cart.getHttpCount()).isEqualTo(20);
        assertThat(cart.getStatusClassCounts()).containsEntry("5xx", 5L).containsEntry("2xx", 15L);
        assertThat(cart.getLatency().getMax()).isEqualTo(20.0);
        assertThat(cart.getTopPaths()).allSatisfy(p -> assertThat(p.getItem()).isEqualTo("/cart"));
        assertThat(results.get("shop").getCount()).as("the source's service").isEqualTo(1);

        List<DeadLetter> letters = job.deadLetters(4);
        assertThat(letters)
                .extracting(DeadLetter::getReason)
                .containsOnly(DeadLetterReason.UNPARSEABLE);
        assertThat(letters)
                .extracting(DeadLetter::getDetail)
                .containsExactlyInAnyOrder(
                        "json source 'app': not valid JSON: unexpected character 'o' at byte 1,"
                                + " expected 'null'",
                        "json source 'app': timestamp 'yesterday' (@timestamp) is not a time",
                        "syslog source 'hosts': no PRI: a syslog message starts with <0-191>",
                        "logfmt source 'pay': quoted value of 'msg' is not closed");
        assertThat(letters)
                .extracting(d -> new String(d.getValue().array(), StandardCharsets.UTF_8))
                .contains("not json at all", "no priority here");
        assertThat(letters).extracting(DeadLetter::getTopic).containsOnly(json, syslog, logfmt);
    }

    private static List<byte[]> bytes(List<String> lines) {
        return lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static LogEvent avroEvent(int i) {
        return LogEvent.newBuilder()
                .setTimestamp(T0.plusSeconds(i))
                .setService("checkout")
                .setHost("checkout-1")
                .setLevel(Level.INFO)
                .setMessage("order " + i)
                .setAttributes(Map.of())
                .build();
    }
}
