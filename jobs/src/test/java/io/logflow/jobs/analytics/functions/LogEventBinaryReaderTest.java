package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The direct reader gives exactly what Avro's specific reader gives, for every field shape. */
class LogEventBinaryReaderTest {

    @Test
    void readsWhatAvrosReaderReadsForEveryFieldShape() throws IOException {
        Random random = new Random(7);
        for (LogEvent e : events(random)) {
            for (boolean blocking : new boolean[] {false, true}) {
                byte[] bytes = encode(e, blocking);
                LogEvent avro =
                        new SpecificDatumReader<>(LogEvent.class)
                                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                LogEvent direct =
                        LogEventBinaryReader.read(
                                new BoundedBinaryDecoder().reset(bytes, 0, bytes.length));
                assertThat(direct).isEqualTo(avro).isEqualTo(e);
            }
        }
    }

    @Test
    void theProjectionKeepsExactlyTheFieldsOfTheWholeEvent() throws IOException {
        Random random = new Random(11);
        CompactEvent reused = new CompactEvent();
        for (LogEvent e : events(random)) {
            for (boolean blocking : new boolean[] {false, true}) {
                byte[] bytes = encode(e, blocking);
                CompactEvent projected =
                        LogEventBinaryReader.readCompact(
                                new BoundedBinaryDecoder().reset(bytes, 0, bytes.length), reused);
                assertThat(projected).isSameAs(reused);
                assertThat(projected).usingRecursiveComparison().isEqualTo(CompactEvent.of(e));
            }
        }
    }

    @Test
    void theProjectionChecksTheLengthsOfWhatItSkips() throws IOException {
        LogEvent e = events(new Random(3)).get(5);
        e.setAttributes(Map.of("k", "v"));
        byte[] bytes = encode(e, false);
        // The last byte is the map's end marker, the one before it the value "v", whose length
        // zig-zag byte (2 for 1 character) comes first: declare 60 characters instead.
        byte[] lying = bytes.clone();
        lying[lying.length - 3] = 120;
        assertThatThrownBy(
                        () ->
                                LogEventBinaryReader.readCompact(
                                        new BoundedBinaryDecoder().reset(lying, 0, lying.length),
                                        new CompactEvent()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("60");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(
                        () ->
                                LogEventBinaryReader.readCompact(
                                        new BoundedBinaryDecoder().reset(longer, 0, longer.length),
                                        new CompactEvent()))
                .hasMessage("1 bytes left after the LogEvent");
    }

    @Test
    void readsOnlyThisBuildsSchemaWhateverItsDocs() throws IOException {
        assertThat(LogEventBinaryReader.reads(LogEvent.getClassSchema())).isTrue();
        String withoutDocs =
                LogEvent.getClassSchema().toString().replaceAll("\"doc\":\"[^\"]*\",", "");
        assertThat(LogEventBinaryReader.reads(new Schema.Parser().parse(withoutDocs))).isTrue();
        try (InputStream in =
                LogEvent.class.getResourceAsStream(
                        "/io/logflow/schema/evolution/LogEvent.v2.avsc")) {
            assertThat(LogEventBinaryReader.reads(new Schema.Parser().parse(in))).isFalse();
        }
    }

    @Test
    void refusesTrailingBytesAndBadUnionBranches() throws IOException {
        byte[] bytes = encode(events(new Random(1)).get(0), false);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(
                        () ->
                                LogEventBinaryReader.read(
                                        new BoundedBinaryDecoder().reset(longer, 0, longer.length)))
                .hasMessage("1 bytes left after the LogEvent");
    }

    private static List<LogEvent> events(Random random) {
        List<LogEvent> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, String> attributes = new HashMap<>();
            for (int a = 0; a < i % 4; a++) {
                attributes.put("k" + a, "väl" + random.nextInt(1000));
            }
            HttpInfo http =
                    i % 3 == 0
                            ? null
                            : new HttpInfo(
                                    "GET",
                                    "/api/" + i,
                                    200 + i % 400,
                                    random.nextDouble() * 1000,
                                    (long) random.nextInt(1 << 20),
                                    i % 2 == 0 ? null : "2001:db8::" + i,
                                    i % 5 == 0 ? null : "curl/8 \"q\"");
            out.add(
                    new LogEvent(
                            Instant.ofEpochMilli(1_764_000_000_000L + random.nextInt(1 << 30)),
                            "svc-" + i % 7,
                            "host-" + i,
                            Level.values()[i % Level.values().length],
                            i % 2 == 0 ? null : "logger." + i,
                            "message " + i + " 世界",
                            i % 4 == 0 ? null : Long.toHexString(random.nextLong()),
                            http,
                            attributes));
        }
        return out;
    }

    private static byte[] encode(LogEvent e, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc =
                blocking
                        ? EncoderFactory.get().blockingBinaryEncoder(out, null)
                        : EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(LogEvent.class).write(e, enc);
        enc.flush();
        return out.toByteArray();
    }
}
