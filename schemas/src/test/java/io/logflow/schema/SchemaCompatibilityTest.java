package io.logflow.schema;

import static org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** Every schema change must stay BACKWARD and FORWARD compatible with the previous version. */
class SchemaCompatibilityTest {

    static Schema v2() throws IOException {
        try (InputStream in =
                SchemaCompatibilityTest.class.getResourceAsStream(
                        "/io/logflow/schema/evolution/LogEvent.v2.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    @Test
    void v2IsBackwardAndForwardCompatibleWithV1() throws IOException {
        Schema v1 = LogEvent.getClassSchema();
        Schema v2 = v2();
        // BACKWARD: v2 readers read v1 data. FORWARD: v1 readers read v2 data.
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType())
                .isEqualTo(COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, v2).getType())
                .isEqualTo(COMPATIBLE);
    }

    @Test
    void v1DataReadWithV2GetsDefaultsAndV2DataReadWithV1DropsNewFields() throws IOException {
        LogEvent event = sample();
        Schema v2 = v2();

        byte[] v1Bytes = encodeSpecific(event);
        GenericRecord asV2 =
                new GenericDatumReader<GenericRecord>(LogEvent.getClassSchema(), v2)
                        .read(null, DecoderFactory.get().binaryDecoder(v1Bytes, null));
        assertThat(asV2.get("environment").toString()).isEqualTo("production");
        assertThat(asV2.get("region")).isNull();
        assertThat(asV2.get("message").toString()).isEqualTo("GET /api/cart 200");

        GenericRecord v2Record = new GenericData.Record(v2);
        for (Schema.Field f : LogEvent.getClassSchema().getFields()) {
            v2Record.put(f.name(), asV2.get(f.name()));
        }
        v2Record.put("environment", "staging");
        v2Record.put("region", "eu-west-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v2).write(v2Record, enc);
        enc.flush();
        LogEvent back =
                new SpecificDatumReader<LogEvent>(v2, LogEvent.getClassSchema())
                        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(back).isEqualTo(event);
    }

    @Test
    void windowStatsWithRoutesIsBackwardAndForwardCompatibleWithV1() throws IOException {
        Schema v1;
        try (InputStream in =
                SchemaCompatibilityTest.class.getResourceAsStream(
                        "/io/logflow/schema/evolution/WindowStats.v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        Schema now = WindowStats.getClassSchema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, v1).getType())
                .isEqualTo(COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, now).getType())
                .isEqualTo(COMPATIBLE);

        // A v1 record read by today's reader has no routes.
        GenericRecord old = new GenericData.Record(v1);
        old.put("service", "gateway");
        old.put("window", "tumbling-1m");
        old.put("windowStart", 0L);
        old.put("windowEnd", 60_000L);
        old.put("revision", 0);
        old.put("count", 7L);
        old.put("levelCounts", Map.of());
        old.put("errorRate", 0.0);
        old.put("httpCount", 0L);
        old.put("statusClassCounts", Map.of());
        old.put("latency", null);
        old.put("bytesSum", 0L);
        old.put("distinctHosts", 1L);
        old.put("distinctClientIps", 0L);
        old.put("topPaths", java.util.List.of());
        old.put("topErrors", java.util.List.of());
        old.put("emittedAt", 0L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(old, enc);
        enc.flush();
        WindowStats back =
                new SpecificDatumReader<WindowStats>(v1, now)
                        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(back.getCount()).isEqualTo(7L);
        assertThat(back.getRoutes()).isEmpty();
    }

    @Test
    void outputSchemasAreRecordsInOurNamespace() {
        assertThat(WindowStats.getClassSchema().getNamespace()).isEqualTo("io.logflow.schema");
        assertThat(DeadLetter.getClassSchema().getField("reason").schema().getEnumSymbols())
                .contains("MALFORMED", "UNKNOWN_SCHEMA", "NULL_VALUE", "BAD_TIMESTAMP");
    }

    @Test
    void deadLetterIsBackwardAndForwardCompatibleWithV1AndNewReasonsReadAsOther()
            throws IOException {
        Schema v1;
        try (InputStream in =
                SchemaCompatibilityTest.class.getResourceAsStream(
                        "/io/logflow/schema/evolution/DeadLetter.v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        Schema now = DeadLetter.getClassSchema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, v1).getType())
                .isEqualTo(COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, now).getType())
                .isEqualTo(COMPATIBLE);

        DeadLetter truncated =
                DeadLetter.newBuilder()
                        .setReason(DeadLetterReason.OVERSIZED)
                        .setDetail("too big")
                        .setTopic("logs")
                        .setPartition(0)
                        .setOffset(7)
                        .setRecordTimestamp(Instant.ofEpochMilli(1))
                        .setProcessedAt(Instant.ofEpochMilli(2))
                        .setValue(java.nio.ByteBuffer.wrap(new byte[] {1, 2}))
                        .setOriginalValueSize(2_000_000)
                        .setOriginalValueSha256("ab")
                        .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(DeadLetter.class).write(truncated, enc);
        enc.flush();
        GenericRecord asV1 =
                new GenericDatumReader<GenericRecord>(now, v1)
                        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(asV1.get("reason").toString()).isEqualTo("OTHER");
        assertThat(asV1.get("offset")).isEqualTo(7L);
    }

    static LogEvent sample() {
        return LogEvent.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_123L))
                .setService("checkout")
                .setHost("checkout-1")
                .setLevel(Level.INFO)
                .setLogger("http")
                .setMessage("GET /api/cart 200")
                .setTraceId("abc123")
                .setHttp(
                        HttpInfo.newBuilder()
                                .setMethod("GET")
                                .setPath("/api/cart")
                                .setStatus(200)
                                .setLatencyMs(12.5)
                                .setResponseBytes(512)
                                .setClientIp("10.0.0.1")
                                .setUserAgent("curl/8")
                                .build())
                .setAttributes(Map.of("pod", "p-1"))
                .build();
    }

    private static byte[] encodeSpecific(LogEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(LogEvent.class).write(event, enc);
        enc.flush();
        return out.toByteArray();
    }
}
