package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generator against a real broker and registry: what arrives is exactly what it reports. */
class LogGeneratorITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void everyRecordArrivesAsReportedToTheRecord() throws Exception {
        String topic = KAFKA.createTopic("logs", 2);
        int n = 20_000;
        LogGenerator generator =
                LogGenerator.builder()
                        .bootstrapServers(KAFKA.bootstrapServers())
                        .registry(REGISTRY.clientConfig().build())
                        .topic(topic)
                        .seed(42)
                        .startAt(START)
                        .ratePerSecond(0)
                        .eventTimeRate(2000)
                        .count(n)
                        .malformedShare(0.03)
                        .v2Share(0.2)
                        .lateShare(0.01)
                        .maxOutOfOrder(Duration.ofMillis(200))
                        .incident("spike:payments@2s+3s")
                        .build();

        GeneratorReport report = generator.run();

        assertThat(report.totalRecords()).isEqualTo(n);
        assertThat(report.failedRecords()).isZero();
        assertThat(report.ackedRecords()).isEqualTo(n);
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.read(topic, n, Duration.ofSeconds(60));
        assertThat(records).hasSize(n);

        RegistryClientConfig config = REGISTRY.clientConfig().build();
        ConfluentAvroDeserializationSchema<LogEvent> reader =
                ConfluentAvroSerdes.valueDeserializer(LogEvent.class, topic, config);
        int v2Id = new RegistryClient(config).getId(topic + "-value", SampleEvents.v2Schema());
        Map<String, Map<Level, Long>> valid = new LinkedHashMap<>();
        for (String service : ServiceCatalog.DEFAULT_SERVICES) {
            valid.put(service, new EnumMap<>(Level.class));
            Arrays.stream(Level.values()).forEach(level -> valid.get(service).put(level, 0L));
        }
        Map<RecordKind, Long> kinds = new EnumMap<>(RecordKind.class);
        Map<String, List<LogEvent>> byService = new HashMap<>();
        long late = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(key).isIn(ServiceCatalog.DEFAULT_SERVICES);
            RecordKind kind;
            try {
                LogEvent event = reader.deserialize(record.value());
                assertThat(event.getService()).isEqualTo(key);
                valid.get(key).merge(event.getLevel(), 1L, Long::sum);
                byService.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                // 10 s of event time; late events are at least 5 minutes behind their slot.
                late += event.getTimestamp().isBefore(START.minusSeconds(1)) ? 1 : 0;
                kind =
                        WireFormat.schemaIdOf(record.value()) == v2Id
                                ? RecordKind.V2
                                : RecordKind.V1;
            } catch (MalformedRecordException e) {
                kind =
                        record.value()[0] != WireFormat.MAGIC_BYTE
                                ? RecordKind.BAD_MAGIC
                                : RecordKind.TRUNCATED_AVRO;
            } catch (RegistryException e) {
                assertThat(e.isNotFound()).isTrue();
                assertThat(WireFormat.schemaIdOf(record.value()))
                        .isEqualTo(Malformer.UNKNOWN_SCHEMA_ID);
                kind = RecordKind.UNKNOWN_SCHEMA_ID;
            }
            kinds.merge(kind, 1L, Long::sum);
        }

        assertThat(kinds).isEqualTo(report.recordsByKind());
        assertThat(kinds.get(RecordKind.V2)).isEqualTo(report.v2Events()).isPositive();
        assertThat(report.malformedRecords()).isBetween(400L, 800L);
        assertThat(late).isEqualTo(report.lateEvents()).isPositive();
        assertThat(valid).isEqualTo(report.validByServiceAndLevel());
        assertThat(report.validEvents())
                .isEqualTo(byService.values().stream().mapToLong(List::size).sum());
        assertSameEventsAsTheModel(byService, n);
    }

    // Keys pin each service to one partition, so per service the order is the send order.
    private static void assertSameEventsAsTheModel(Map<String, List<LogEvent>> received, int n) {
        TrafficModel model =
                new TrafficModel(
                        TrafficConfig.builder()
                                .seed(42)
                                .start(START)
                                .eventsPerSecond(2000)
                                .maxOutOfOrder(Duration.ofMillis(200))
                                .late(0.01, Duration.ofMinutes(5))
                                .incident(Incident.parse("spike:payments@2s+3s"))
                                .build());
        RecordMix mix = new RecordMix(42, 0.03, 0.2);
        Map<String, List<LogEvent>> expected = new HashMap<>();
        for (int i = 0; i < n; i++) {
            LogEvent event = model.next();
            if (!mix.next().isMalformed()) {
                expected.computeIfAbsent(event.getService(), k -> new ArrayList<>()).add(event);
            }
        }
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void runsInTheBackgroundUntilStoppedWithAnIncidentOnDemand() throws Exception {
        String topic = KAFKA.createTopic("logs", 2);
        LogGenerator generator =
                LogGenerator.builder()
                        .bootstrapServers(KAFKA.bootstrapServers())
                        .registry(REGISTRY.clientConfig().build())
                        .topic(topic)
                        .startAt(START)
                        .ratePerSecond(5000)
                        .build();

        generator.start();
        awaitRecords(generator, 3000);
        Incident silence = generator.model().trigger(Incident.Kind.SILENCE, "auth", null);
        long atTrigger = generator.progress().totalRecords();
        awaitRecords(generator, atTrigger + 5000);
        Incident ended = generator.model().end(silence);
        awaitRecords(generator, generator.progress().totalRecords() + 3000);
        GeneratorReport report = generator.stop();

        assertThat(report.failedRecords()).isZero();
        assertThat(report.elapsed()).isGreaterThan(Duration.ofSeconds(2));
        // No bound on the achieved rate either way: how fast a busy 2-core machine goes is a
        // benchmark question; the pacer's arithmetic is GeneratorRatePacerTest's.
        List<ConsumerRecord<byte[], byte[]>> records =
                KAFKA.read(topic, (int) report.totalRecords(), Duration.ofSeconds(60));
        assertThat(records).hasSize((int) report.totalRecords());
        ConfluentAvroDeserializationSchema<LogEvent> reader =
                ConfluentAvroSerdes.valueDeserializer(
                        LogEvent.class, topic, REGISTRY.clientConfig().build());
        long authInWindow = 0;
        long authOutside = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            LogEvent event = reader.deserialize(record.value());
            long offset = event.getTimestamp().toEpochMilli() - START.toEpochMilli();
            if (event.getService().equals("auth")) {
                if (ended.isActiveAt(offset)) {
                    authInWindow++;
                } else {
                    authOutside++;
                }
            }
        }
        assertThat(ended.endMillis() - ended.startMillis()).isGreaterThanOrEqualTo(1000);
        assertThat(authInWindow).isZero();
        assertThat(authOutside).isPositive();
    }

    private static void awaitRecords(LogGenerator generator, long atLeast)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (generator.progress().totalRecords() < atLeast) {
            assertThat(System.nanoTime()).as("records in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
