package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.analytics.functions.HostileRecords;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics job on a MiniCluster against the real broker and registry, fed a crafted timeline
 * in phases: each phase waits for the output it must cause, so watermarks, late firings and late
 * events are exact, not timing-dependent.
 */
class AnalyticsJobITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path files;

    @Test
    void craftedTimelineGivesExactResultsDeadLettersAndLateEvents() throws Exception {
        TestAnalyticsJob analytics =
                TestAnalyticsJob.on(KAFKA, REGISTRY, 2) // partition 1 stays idle throughout
                        .set("output.files.path", files.resolve("log-metrics").toUri().toString())
                        .set(
                                "output.files.dead-letters-path",
                                files.resolve("logs-dlq").toUri().toString())
                        .set(
                                "output.files.late-events-path",
                                files.resolve("logs-late").toUri().toString())
                        .set("output.files.format", "parquet")
                        .set("windows", "tumbling:1m")
                        .set("window.allowed-lateness", "2m")
                        .set("input.max-record-bytes", "64kb")
                        .set("watermark.out-of-orderness", "5s")
                        .set("execution.checkpointing.interval", "300ms");
        String in = analytics.input();
        String metrics = analytics.metrics();
        String dlq = analytics.deadLetters();
        String late = analytics.late();
        RegistryClientConfig registry = REGISTRY.clientConfig().build();
        JobClient job = analytics.submit();
        try {
            Producer producer = new Producer(in, registry);

            // Phase 1: window [T0, T0+1m) for checkout (v1, out of order) and payments (v2),
            // bad records of every kind, then an event at +70s that closes the window.
            for (int s : new int[] {50, 10, 40, 5, 30, 20, 59, 0, 45, 15}) {
                producer.v1(event("checkout", s, s % 10 == 0 ? Level.ERROR : Level.INFO, 200 + s));
            }
            for (int s = 0; s < 5; s++) {
                producer.v2(event("payments", 3 + s * 10, Level.WARN, 500));
            }
            // Written in a transaction that is then aborted: the source reads read_committed.
            abortedWrite(in, producer.encodeV1(event("checkout", 25, Level.FATAL, 500)));
            producer.raw(new byte[] {0x7b, 0x22, 0x61, 0x22, 0x7d}); // JSON, not Avro
            byte[] valid = producer.encodeV1(event("checkout", 1, Level.INFO, 200));
            producer.raw(Arrays.copyOf(valid, 9)); // truncated payload
            byte[] unknown = valid.clone();
            WireFormat.writeHeader(424242, unknown, 0);
            producer.raw(unknown);
            producer.raw(null);
            // Hostile payloads behind a valid header: lengths the record cannot hold, and a
            // record over input.max-record-bytes. Each once put the job into a restart loop.
            producer.raw(HostileRecords.hugeString(valid));
            producer.raw(HostileRecords.hugeMap(valid));
            byte[] oversized = Arrays.copyOf(valid, 64 * 1024 + 1);
            producer.raw(oversized);
            producer.v1(eventAt("checkout", Instant.parse("1970-01-02T00:00:00Z")));
            producer.v1(eventAt("checkout", Instant.parse("2100-01-01T00:00:00Z")));
            // A skewed clock: 3 hours ahead of its own Kafka record's timestamp. Had it passed,
            // the watermark would be 3 hours ahead and phase 2's on-time update would be late.
            producer.v1(event("checkout", 3 * 3600, Level.INFO, 200), T0);
            producer.v1(event("checkout", 70, Level.INFO, 200));
            producer.flush();

            List<WindowStats> phase1 = awaitResults(metrics, 2);
            WindowStats checkout0 = find(phase1, "checkout", T0, 0);
            assertThat(checkout0.getCount()).isEqualTo(10);
            assertThat(checkout0.getLevelCounts())
                    .containsEntry("ERROR", 6L)
                    .containsEntry("INFO", 4L);
            assertThat(checkout0.getErrorRate()).isEqualTo(0.6);
            assertThat(checkout0.getHttpCount()).isEqualTo(10);
            assertThat(checkout0.getLatency().getMax()).isEqualTo(259.0);
            assertThat(checkout0.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
            assertThat(checkout0.getWindow()).isEqualTo("tumbling-1m");
            WindowStats payments0 = find(phase1, "payments", T0, 0);
            assertThat(payments0.getCount()).isEqualTo(5);
            assertThat(payments0.getLevelCounts()).containsEntry("WARN", 5L);
            assertThat(payments0.getStatusClassCounts()).containsEntry("5xx", 5L);

            List<DeadLetter> deadLetters = awaitDeadLetters(dlq, 10);
            assertThat(deadLetters)
                    .extracting(DeadLetter::getReason)
                    .containsExactlyInAnyOrder(
                            DeadLetterReason.MALFORMED,
                            DeadLetterReason.MALFORMED,
                            DeadLetterReason.MALFORMED,
                            DeadLetterReason.MALFORMED,
                            DeadLetterReason.OVERSIZED,
                            DeadLetterReason.UNKNOWN_SCHEMA,
                            DeadLetterReason.NULL_VALUE,
                            DeadLetterReason.BAD_TIMESTAMP,
                            DeadLetterReason.BAD_TIMESTAMP,
                            DeadLetterReason.BAD_TIMESTAMP);
            assertThat(deadLetters).allSatisfy(d -> assertThat(d.getTopic()).isEqualTo(in));
            DeadLetter unknownId =
                    deadLetters.stream()
                            .filter(d -> d.getReason() == DeadLetterReason.UNKNOWN_SCHEMA)
                            .findFirst()
                            .orElseThrow();
            assertThat(unknownId.getSchemaId()).isEqualTo(424242);
            assertThat(unknownId.getDetail()).contains("Unknown schema id 424242");
            assertThat(unknownId.getValue()).isEqualTo(java.nio.ByteBuffer.wrap(unknown));
            assertThat(unknownId.getKey()).isNotNull();
            assertThat(deadLetters)
                    .extracting(DeadLetter::getDetail)
                    .filteredOn(d -> d.startsWith("Event time 2026-11-26T13:00:00Z"))
                    .containsExactly(
                            "Event time 2026-11-26T13:00:00Z is PT3H ahead of its Kafka record's"
                                    + " timestamp 2026-11-26T10:00:00Z"
                                    + " (event-time.max-ahead-of-record: PT15M): a skewed clock");
            DeadLetter tooBig =
                    deadLetters.stream()
                            .filter(d -> d.getReason() == DeadLetterReason.OVERSIZED)
                            .findFirst()
                            .orElseThrow();
            assertThat(tooBig.getValue()).isEqualTo(java.nio.ByteBuffer.wrap(oversized));
            assertThat(deadLetters)
                    .filteredOn(d -> d.getReason() == DeadLetterReason.MALFORMED)
                    .extracting(DeadLetter::getDetail)
                    .filteredOn(d -> d.contains("does not fit the"))
                    .hasSize(2);

            // Phase 2: a late event inside the allowed lateness updates the window: revision 1.
            producer.v1(event("checkout", 30, Level.FATAL, 200));
            producer.flush();
            WindowStats checkout1 = find(awaitResults(metrics, 3), "checkout", T0, 1);
            assertThat(checkout1.getCount()).isEqualTo(11);
            assertThat(checkout1.getLevelCounts()).containsEntry("FATAL", 1L);
            assertThat(checkout1.getErrorRate()).isEqualTo(7.0 / 11);

            // Phase 3: time moves to +400s; an event for the first window is now too late.
            producer.v1(event("search", 400, Level.INFO, 200));
            producer.flush();
            awaitResults(metrics, 4);
            // Every field the windows skip travels with it: logs-late gets the event as written.
            LogEvent tooLate = event("checkout", 20, Level.INFO, 200);
            tooLate.setLogger("shop.Checkout");
            tooLate.setTraceId("4bf92f3577b34da6");
            tooLate.getHttp().setUserAgent("curl/8.5");
            tooLate.setAttributes(Map.of("region", "eu-1", "pod", "checkout-7"));
            producer.v1(tooLate);
            producer.flush();
            List<ConsumerRecord<byte[], byte[]>> lateRecords = KAFKA.read(late, 1, WAIT);
            assertThat(lateRecords).hasSize(1);
            LogEvent lateEvent =
                    ConfluentAvroSerdes.valueDeserializer(LogEvent.class, late, registry)
                            .deserialize(lateRecords.get(0).value());
            assertThat(lateEvent).isEqualTo(tooLate);
            assertThat(new String(lateRecords.get(0).key(), StandardCharsets.UTF_8))
                    .isEqualTo("checkout");

            List<WindowStats> all = awaitResults(metrics, 4);
            assertThat(all).hasSize(4);
            assertThat(find(all, "checkout", T0.plusSeconds(60), 0).getCount()).isEqualTo(1);
            assertThat(
                            new String(
                                    KAFKA.read(metrics, 4, WAIT).get(0).key(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo("checkout|tumbling-1m|" + T0);

            // Files commit on the same checkpoint as Kafka, but may land a moment later.
            List<WindowStats> fromFiles =
                    awaitFiles(files.resolve("log-metrics"), WindowStats.class, all.size());
            assertThat(files.resolve("log-metrics/dt=2026-11-26/hour=10")).isDirectory();
            assertThat(fromFiles)
                    .extracting(
                            w ->
                                    w.getService()
                                            + "@"
                                            + w.getWindowStart()
                                            + "#"
                                            + w.getRevision()
                                            + "="
                                            + w.getCount())
                    .containsExactlyInAnyOrderElementsOf(
                            all.stream()
                                    .map(
                                            w ->
                                                    w.getService()
                                                            + "@"
                                                            + w.getWindowStart()
                                                            + "#"
                                                            + w.getRevision()
                                                            + "="
                                                            + w.getCount())
                                    .toList());
            // Dead letters and late events are in files too, for notebooks; committed on the
            // next checkpoint, so wait for them like for the topics.
            List<DeadLetter> dlqFiles = awaitFiles(files.resolve("logs-dlq"), DeadLetter.class, 10);
            assertThat(dlqFiles)
                    .extracting(DeadLetter::getReason)
                    .containsExactlyInAnyOrderElementsOf(
                            deadLetters.stream().map(DeadLetter::getReason).toList());
            assertThat(awaitFiles(files.resolve("logs-late"), LogEvent.class, 1))
                    .extracting(LogEvent::getTimestamp)
                    .containsExactly(T0.plusSeconds(20));
            // The MiniCluster never restarts a job: still running means no record failed it.
            assertThat(job.getJobStatus().get())
                    .isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> awaitFiles(
            Path dir, Class<T> type, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<T> records = List.of();
        while (System.nanoTime() < deadline) {
            records =
                    java.nio.file.Files.isDirectory(dir)
                            ? ParquetFiles.readAll(dir, type)
                            : List.of();
            if (records.size() >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        String listing;
        try (var all = java.nio.file.Files.walk(dir.getParent())) {
            listing = all.map(Path::toString).collect(java.util.stream.Collectors.joining("\n"));
        }
        assertThat(records).as("records in %s; files:\n%s", dir, listing).hasSize(expected);
        return records;
    }

    private List<WindowStats> awaitResults(String topic, int expected) throws IOException {
        List<WindowStats> out = awaitRecords(topic, WindowStats.class, expected);
        out.sort(
                Comparator.comparing(WindowStats::getService)
                        .thenComparing(WindowStats::getRevision));
        return out;
    }

    private List<DeadLetter> awaitDeadLetters(String topic, int expected) throws IOException {
        return awaitRecords(topic, DeadLetter.class, expected);
    }

    /** Exactly {@code expected} committed records of {@code topic}, decoded. */
    private <T extends org.apache.avro.specific.SpecificRecord> List<T> awaitRecords(
            String topic, Class<T> type, int expected) throws IOException {
        List<T> out = new ArrayList<>();
        var reader =
                ConfluentAvroSerdes.valueDeserializer(type, topic, REGISTRY.clientConfig().build());
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(topic, expected, WAIT)) {
            out.add(reader.deserialize(r.value()));
        }
        assertThat(out).as("%s records on %s", type.getSimpleName(), topic).hasSize(expected);
        return out;
    }

    private static WindowStats find(List<WindowStats> all, String service, Instant start, int rev) {
        Predicate<WindowStats> match =
                w ->
                        w.getService().equals(service)
                                && w.getWindowStart().equals(start)
                                && w.getRevision() == rev;
        return all.stream()
                .filter(match)
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "No result for "
                                                + service
                                                + " "
                                                + start
                                                + " rev "
                                                + rev
                                                + " in "
                                                + all));
    }

    static LogEvent event(String service, int second, Level level, int status) {
        return LogEvent.newBuilder()
                .setTimestamp(T0.plusSeconds(second))
                .setService(service)
                .setHost(service + "-1")
                .setLevel(level)
                .setMessage(level + " at " + second)
                .setHttp(
                        HttpInfo.newBuilder()
                                .setMethod("GET")
                                .setPath("/" + service)
                                .setStatus(status)
                                .setLatencyMs(200 + second)
                                .setResponseBytes(100)
                                .setClientIp("10.0.0." + second)
                                .build())
                .setAttributes(Map.of())
                .build();
    }

    private static void abortedWrite(String topic, byte[] value) {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", KAFKA.bootstrapServers());
        props.put("transactional.id", "aborted-" + topic);
        props.put(
                "key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        props.put(
                "value.serializer",
                org.apache.kafka.common.serialization.ByteArraySerializer.class);
        try (var tx = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(props)) {
            tx.initTransactions();
            tx.beginTransaction();
            tx.send(
                    new ProducerRecord<>(
                            topic, 0, "checkout".getBytes(StandardCharsets.UTF_8), value));
            tx.flush();
            tx.abortTransaction();
        }
    }

    static LogEvent eventAt(String service, Instant at) {
        LogEvent e = event(service, 0, Level.INFO, 200);
        e.setTimestamp(at);
        return e;
    }

    /** Writes framed records to partition 0 of the input topic, keyed by service. */
    private static final class Producer {
        private final String topic;
        private final RegistryClientConfig registry;
        private final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();

        Producer(String topic, RegistryClientConfig registry) {
            this.topic = topic;
            this.registry = registry;
        }

        byte[] encodeV1(LogEvent e) {
            return ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registry)
                    .serialize(e);
        }

        void v1(LogEvent e) {
            add(e.getService(), encodeV1(e));
        }

        /** With the Kafka record's own timestamp set, as a producer's clock would. */
        void v1(LogEvent e, Instant recordTime) {
            pending.add(
                    new ProducerRecord<>(
                            topic,
                            0,
                            recordTime.toEpochMilli(),
                            e.getService().getBytes(StandardCharsets.UTF_8),
                            encodeV1(e)));
        }

        void v2(LogEvent e) {
            add(
                    e.getService(),
                    ConfluentAvroSerdes.genericValueSerializer(
                                    io.logflow.devstack.events.SampleEvents.v2Schema(),
                                    topic,
                                    registry)
                            .serialize(
                                    io.logflow.devstack.events.SampleEvents.asV2(e, "prod", "eu")));
        }

        void raw(byte[] value) {
            add("bad", value);
        }

        private void add(String key, byte[] value) {
            pending.add(
                    new ProducerRecord<>(topic, 0, key.getBytes(StandardCharsets.UTF_8), value));
        }

        void flush() {
            KAFKA.send(topic, List.copyOf(pending));
            pending.clear();
        }
    }
}
