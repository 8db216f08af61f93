package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records and registry answers that used to fail the job on every replay of the same record: each
 * must become a dead letter with its own reason, and the next good record must still decode.
 */
class HostileInputTest {

    private static final int LOG_EVENT_ID = 1;
    private static final int JSON_SCHEMA_ID = 2;
    private static final int PROTOBUF_ID = 3;
    private static final int INVALID_AVRO_ID = 4;
    private static final int FORBIDDEN_ID = 5;
    private static final int NOT_A_LOG_EVENT_ID = 6;
    private static final int MAX_RECORD = 4096;
    private static final int DEAD_LETTER_MAX = 2048;

    private HttpServer registry;
    private final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext(
                "/schemas/ids/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                    calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    int status = 200;
                    String body =
                            switch (id) {
                                case LOG_EVENT_ID ->
                                        schemaBody(null, LogEvent.getClassSchema().toString());
                                case JSON_SCHEMA_ID -> schemaBody("JSON", "{\"type\":\"object\"}");
                                case PROTOBUF_ID ->
                                        schemaBody(
                                                "PROTOBUF", "syntax = \"proto3\"; message Log {}");
                                case INVALID_AVRO_ID ->
                                        schemaBody(null, "{\"type\":\"record\",\"name\":\"x\"}");
                                case NOT_A_LOG_EVENT_ID -> schemaBody(null, "\"string\"");
                                case FORBIDDEN_ID -> {
                                    status = 403;
                                    yield "{\"error_code\":40301,\"message\":\"User is denied"
                                            + " operation Read on subject logs-value\"}";
                                }
                                default -> {
                                    status = 404;
                                    yield "{\"error_code\":40403,\"message\":\"Schema not found\"}";
                                }
                            };
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .add("Content-Type", "application/vnd.schemaregistry.v1+json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private static String schemaBody(String type, String schema) {
        String quoted = "\"" + schema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return type == null
                ? "{\"schema\":" + quoted + "}"
                : "{\"schemaType\":\"" + type + "\",\"schema\":" + quoted + "}";
    }

    private LogEventDeserializer deserializer() {
        return new LogEventDeserializer(
                RegistryClientConfig.builder("http://127.0.0.1:" + registry.getAddress().getPort())
                        .maxAttempts(1)
                        .build(),
                MAX_RECORD,
                DEAD_LETTER_MAX,
                new EventTimeRules(
                        Instant.parse("2000-01-01T00:00:00Z"),
                        Duration.ofDays(1),
                        Duration.ofMinutes(15)),
                Duration.ZERO);
    }

    @Test
    void aThirtyByteRecordDeclaringAHugeStringIsMalformedNotAnOutOfMemoryError() throws Exception {
        byte[] hostile = HostileRecords.hugeString(framed(LOG_EVENT_ID, encode(event())));
        assertThat(hostile).hasSize(30);
        // Cold: the first record of its schema id goes through Avro's resolving reader of the
        // key fields; warm: the source reads LogFlow's own schema's first two fields directly.
        for (boolean warm : new boolean[] {false, true}) {
            LogEventDeserializer d = deserializer();
            if (warm) {
                assertGoodRecordStillDecodes(d);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            DeadLetter letter = onlyDeadLetter(d, hostile);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.MALFORMED);
            assertThat(letter.getDetail())
                    .contains("schema id " + LOG_EVENT_ID)
                    // 30 bytes - 5 of header - 6 of timestamp - 5 of the length itself.
                    .contains("Declared string length 1900000000 does not fit the 14 bytes left");
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(hostile));
            if (warm) {
                // Avro's own decoder allocated the declared 1.9 GB before finding the record
                // too short. (Cold, the first lookup of the id allocates for the registry call.)
                assertThat(allocated)
                        .as("bytes allocated for one 30-byte record")
                        .isLessThan(1 << 20);
            }
            assertGoodRecordStillDecodes(d);
        }
    }

    @Test
    void aMapDeclaringAHugeItemCountIsMalformedAtTheSourceOrBehindTheShuffle() throws Exception {
        byte[] hostile = HostileRecords.hugeMap(framed(LOG_EVENT_ID, encode(event())));
        for (boolean warm : new boolean[] {false, true}) {
            LogEventDeserializer d = deserializer();
            if (warm) {
                assertGoodRecordStillDecodes(d);
            }
            DeadLetter letter = rejected(d, hostile);
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.MALFORMED);
            assertThat(letter.getDetail())
                    .contains("schema id " + LOG_EVENT_ID)
                    .contains("Declared map of 800000000 items does not fit the 2 bytes left");
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(hostile));
            assertGoodRecordStillDecodes(d);
        }
    }

    /** The dead letter for {@code value} from the source or, if it passed, from the decode. */
    private DeadLetter rejected(LogEventDeserializer d, byte[] value) throws Exception {
        List<DecodedRecord> atSource = run(d, value);
        assertThat(atSource).hasSize(1);
        if (atSource.get(0).deadLetter != null) {
            return atSource.get(0).deadLetter;
        }
        try (var h = decodeHarness()) {
            h.processElement(atSource.get(0).event, 1L);
            assertThat(h.extractOutputValues()).isEmpty();
            var letters = h.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
            assertThat(letters).hasSize(1);
            return letters.peek().getValue();
        }
    }

    private org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness<
                    String, ShuffledEvent, CompactEvent>
            decodeHarness() throws Exception {
        return org.apache.flink.streaming.util.ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EventDecodeFunction(
                        RegistryClientConfig.builder(
                                        "http://127.0.0.1:" + registry.getAddress().getPort())
                                .build(),
                        Duration.ZERO,
                        DEAD_LETTER_MAX),
                new ShuffledEvent.ByService(),
                org.apache.flink.api.common.typeinfo.Types.STRING);
    }

    @Test
    void anOversizedRecordIsADeadLetterThatKeepsAPrefixItsSizeAndItsHash() throws Exception {
        byte[] big = new byte[MAX_RECORD + 1];
        Arrays.fill(big, (byte) 'x');
        WireFormat.writeHeader(LOG_EVENT_ID, big, 0);
        LogEventDeserializer d = deserializer();
        DeadLetter letter = onlyDeadLetter(d, big);
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OVERSIZED);
        assertThat(letter.getDetail())
                .startsWith(
                        "Record value of 4097 bytes is larger than input.max-record-bytes (4096"
                                + " bytes)")
                .endsWith("[value truncated to its first 2048 of 4097 bytes]");
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(big, 0, DEAD_LETTER_MAX));
        assertThat(letter.getOriginalValueSize()).isEqualTo(4097);
        assertThat(letter.getOriginalValueSha256()).isEqualTo(DeadLetters.sha256(big));
        assertThat(letter.getSchemaId()).isEqualTo(LOG_EVENT_ID);
        // Nothing was asked of the registry for a record that was never decoded.
        assertThat(calls).isEmpty();
    }

    @Test
    void aDeadLetterOfASmallRecordKeepsItWhole() throws Exception {
        byte[] small = framed(404, new byte[] {1, 2, 3});
        DeadLetter letter = onlyDeadLetter(deserializer(), small);
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(small));
        assertThat(letter.getOriginalValueSize()).isNull();
        assertThat(letter.getOriginalValueSha256()).isNull();
    }

    @Test
    void schemasThatAreNotAvroOrNotALogEventAreUnsupportedAndAskedForOnce() throws Exception {
        LogEventDeserializer d = deserializer();
        for (int round = 0; round < 3; round++) {
            assertUnsupported(d, JSON_SCHEMA_ID, "is a JSON schema; LogFlow reads Avro only");
            assertUnsupported(d, PROTOBUF_ID, "is a PROTOBUF schema; LogFlow reads Avro only");
            assertUnsupported(d, INVALID_AVRO_ID, "holds an invalid Avro schema");
            assertUnsupported(
                    d, NOT_A_LOG_EVENT_ID, "cannot be read as io.logflow.schema.LogEvent");
        }
        // A final answer is remembered: three records per id, one registry call per id.
        assertThat(calls.get(JSON_SCHEMA_ID).get()).isEqualTo(1);
        assertThat(calls.get(PROTOBUF_ID).get()).isEqualTo(1);
        assertThat(calls.get(INVALID_AVRO_ID).get()).isEqualTo(1);
        assertThat(calls.get(NOT_A_LOG_EVENT_ID).get()).isEqualTo(1);
        assertGoodRecordStillDecodes(d);
    }

    @Test
    void aRegistryRefusalOtherThanNotFoundIsARegistryErrorDeadLetter() throws Exception {
        DeadLetter letter = onlyDeadLetter(deserializer(), framed(FORBIDDEN_ID, new byte[] {2}));
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.REGISTRY_ERROR);
        assertThat(letter.getDetail())
                .contains("schema id " + FORBIDDEN_ID)
                .contains("HTTP 403")
                .contains("User is denied operation Read");
        assertThat(letter.getSchemaId()).isEqualTo(FORBIDDEN_ID);
    }

    @Test
    void outOfRangeLatenciesAndBytesAreClearedNotFedToTheSketches() {
        double[] latencies = {
            -5.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, 9e12, 0.0, 812.5
        };
        List<Double> seen = new ArrayList<>();
        List<Boolean> inRange = new ArrayList<>();
        WindowAccumulator acc = new WindowAccumulator();
        for (double ms : latencies) {
            CompactEvent e = CompactEvent.of(event());
            e.latencyMs = ms;
            e.responseBytes = ms < 0 ? -1L : 10L;
            inRange.add(EventDecoder.clampRange(e));
            seen.add(e.latencyMs);
            assertThat(e.responseBytes).isEqualTo(ms < 0 ? 0L : 10L);
            acc.add(e);
        }
        assertThat(seen)
                .containsExactly(
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0, 812.5);
        assertThat(inRange).containsExactly(false, false, false, false, false, true, true);
        assertThat(acc.count).isEqualTo(7);
        assertThat(acc.latencyCount()).isEqualTo(2);
        assertThat(acc.maxLatency).isEqualTo(812.5);
    }

    @Test
    void aRecordWhoseOtherFieldsAreCorruptIsADeadLetterBehindTheShuffle() throws Exception {
        // The level enum's index is 99: the source only skips it, the full decode cannot.
        String json =
                LogEvent.getClassSchema()
                        .toString()
                        .replaceFirst("\\{\"type\":\"enum\",\"name\":\"Level\"[^}]*\\}", "\"int\"");
        org.apache.avro.Schema levelAsInt = new org.apache.avro.Schema.Parser().parse(json);
        org.apache.avro.generic.GenericRecord bad =
                new org.apache.avro.generic.GenericData.Record(levelAsInt);
        LogEvent valid = event();
        for (org.apache.avro.Schema.Field f : levelAsInt.getFields()) {
            bad.put(f.name(), valid.get(f.name()));
        }
        bad.put("timestamp", valid.getTimestamp().toEpochMilli());
        bad.put("level", 99);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(payload, null);
        new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(
                        levelAsInt)
                .write(bad, enc);
        enc.flush();
        byte[] value = framed(LOG_EVENT_ID, payload.toByteArray());

        List<DecodedRecord> atSource = run(deserializer(), value);
        assertThat(atSource).singleElement().satisfies(r -> assertThat(r.event).isNotNull());

        EventDecodeFunction decode =
                new EventDecodeFunction(
                        RegistryClientConfig.builder(
                                        "http://127.0.0.1:" + registry.getAddress().getPort())
                                .build(),
                        Duration.ZERO,
                        DEAD_LETTER_MAX);
        try (var h =
                org.apache.flink.streaming.util.ProcessFunctionTestHarnesses
                        .forKeyedProcessFunction(
                                decode,
                                new ShuffledEvent.ByService(),
                                org.apache.flink.api.common.typeinfo.Types.STRING)) {
            h.processElement(atSource.get(0).event, 1L);
            LogEvent good = event();
            byte[] goodBytes = framed(LOG_EVENT_ID, encode(good));
            h.processElement(run(deserializer(), goodBytes).get(0).event, 2L);
            assertThat(h.extractOutputValues())
                    .singleElement()
                    .usingRecursiveComparison()
                    .ignoringFields("origin")
                    .isEqualTo(CompactEvent.of(good));
            assertThat(h.extractOutputValues().get(0).origin.value).isEqualTo(goodBytes);
            var letters = h.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
            assertThat(letters).hasSize(1);
            DeadLetter letter = letters.peek().getValue();
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.MALFORMED);
            assertThat(letter.getDetail()).contains("schema id " + LOG_EVENT_ID);
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(value));
            assertThat(letter.getTopic()).isEqualTo("logs");
            assertThat(letter.getOffset()).isEqualTo(7L);
        }
    }

    private void assertUnsupported(LogEventDeserializer d, int id, String detail) throws Exception {
        DeadLetter letter = onlyDeadLetter(d, framed(id, new byte[] {2, 4, 6}));
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNSUPPORTED_SCHEMA);
        assertThat(letter.getDetail()).contains("schema id " + id).contains(detail);
        assertThat(letter.getSchemaId()).isEqualTo(id);
    }

    private void assertGoodRecordStillDecodes(LogEventDeserializer d) throws Exception {
        LogEvent expected = event();
        byte[] framed = framed(LOG_EVENT_ID, encode(expected));
        List<DecodedRecord> out = run(d, framed);
        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.deadLetter).isNull();
                            assertThat(r.event.service).isEqualTo("checkout");
                            assertThat(r.event.timestamp)
                                    .isEqualTo(expected.getTimestamp().toEpochMilli());
                            assertThat(r.event.value).isSameAs(framed);
                            assertThat(r.event.offset).isEqualTo(7L);
                        });
    }

    private static DeadLetter onlyDeadLetter(LogEventDeserializer d, byte[] value)
            throws Exception {
        List<DecodedRecord> out = run(d, value);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).event).isNull();
        return out.get(0).deadLetter;
    }

    private static List<DecodedRecord> run(LogEventDeserializer d, byte[] value) throws Exception {
        return LogEventDeserializerTest.run(d, new ConsumerRecord<>("logs", 0, 7L, null, value));
    }

    private static byte[] framed(int id, byte[] payload) {
        byte[] out = new byte[WireFormat.HEADER_LENGTH + payload.length];
        WireFormat.writeHeader(id, out, 0);
        System.arraycopy(payload, 0, out, WireFormat.HEADER_LENGTH, payload.length);
        return out;
    }

    private static byte[] encode(LogEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(LogEvent.class).write(event, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static LogEvent event() {
        return LogEvent.newBuilder()
                .setTimestamp(
                        Instant.now()
                                .minusSeconds(5)
                                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setService("checkout")
                .setHost("checkout-1")
                .setLevel(Level.ERROR)
                .setMessage("Payment for order 17 failed")
                .setHttp(
                        HttpInfo.newBuilder()
                                .setMethod("POST")
                                .setPath("/api/pay")
                                .setStatus(502)
                                .setLatencyMs(812.5)
                                .build())
                .setAttributes(Map.of())
                .build();
    }
}
