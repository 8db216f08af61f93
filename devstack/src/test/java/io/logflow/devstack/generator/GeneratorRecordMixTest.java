package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The mix of record kinds, and the malformed bytes each kind stands for. */
class GeneratorRecordMixTest {

    private static final int SCHEMA_ID = 7;

    @Test
    void sharesOfMalformedAndV2RecordsMatchTheConfiguration() {
        RecordMix mix = new RecordMix(42, 0.03, 0.2);
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(mix.next(), 1, Integer::sum);
        }

        int malformed = n - counts.get(RecordKind.V1) - counts.get(RecordKind.V2);
        // Bounds at about four standard deviations of the binomial counts.
        assertThat(malformed).isBetween(2700, 3300);
        assertThat(counts.get(RecordKind.BAD_MAGIC)).isBetween(850, 1150);
        assertThat(counts.get(RecordKind.TRUNCATED_AVRO)).isBetween(850, 1150);
        assertThat(counts.get(RecordKind.UNKNOWN_SCHEMA_ID)).isBetween(850, 1150);
        assertThat(counts.get(RecordKind.V2)).isBetween(19_500, 20_500);
    }

    @Test
    void sameSeedSameKinds() {
        RecordMix a = new RecordMix(3, 0.1, 0.3);
        RecordMix b = new RecordMix(3, 0.1, 0.3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void withoutSharesEveryRecordIsV1() {
        RecordMix mix = new RecordMix(3, 0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(mix.next()).isEqualTo(RecordKind.V1);
        }
        assertThat(mix.writesV2()).isFalse();
    }

    @Test
    void invalidSharesAreRejectedByName() {
        assertThatThrownBy(() -> new RecordMix(1, 1.5, 0)).hasMessageContaining("malformedShare");
        assertThatThrownBy(() -> new RecordMix(1, 0, -0.1)).hasMessageContaining("v2Share");
        assertThatThrownBy(() -> new RecordMix(1, 0.6, 0.6))
                .hasMessageContaining("malformedShare + v2Share");
    }

    @Test
    void badMagicBreaksOnlyTheFirstByte() throws IOException {
        byte[] valid = framed(event(0));
        byte[] bad = Malformer.corrupt(RecordKind.BAD_MAGIC, valid.clone());

        assertThat(bad[0]).isNotEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(WireFormat.schemaIdOf(bad)).isEqualTo(-1);
        assertThat(Arrays.copyOfRange(bad, 1, bad.length))
                .isEqualTo(Arrays.copyOfRange(valid, 1, valid.length));
    }

    @Test
    void unknownSchemaIdKeepsAValidPayload() throws IOException {
        LogEvent event = event(1);
        byte[] bad = Malformer.corrupt(RecordKind.UNKNOWN_SCHEMA_ID, framed(event));

        assertThat(WireFormat.schemaIdOf(bad)).isEqualTo(Malformer.UNKNOWN_SCHEMA_ID);
        assertThat(decodePayload(bad)).isEqualTo(event);
    }

    @Test
    void truncatedPayloadsNeverDecode() throws IOException {
        for (LogEvent event : new TrafficModel(TrafficSamples.config(1).build()).take(2000)) {
            byte[] valid = framed(event);
            byte[] bad = Malformer.corrupt(RecordKind.TRUNCATED_AVRO, valid.clone());

            assertThat(decodePayload(valid)).isEqualTo(event);
            assertThat(WireFormat.schemaIdOf(bad)).isEqualTo(SCHEMA_ID);
            assertThat(bad.length).isLessThan(valid.length);
            assertThatThrownBy(() -> decodePayload(bad)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void validKindsCannotBeCorrupted() throws IOException {
        for (RecordKind kind : List.of(RecordKind.V1, RecordKind.V2)) {
            byte[] valid = framed(event(2));
            assertThatThrownBy(() -> Malformer.corrupt(kind, valid))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static LogEvent event(int skip) {
        TrafficModel model = new TrafficModel(TrafficSamples.config(5).build());
        model.take(skip);
        return model.next();
    }

    private static byte[] framed(LogEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(SCHEMA_ID, header, 0);
        out.write(header);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(LogEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static LogEvent decodePayload(byte[] framed) throws IOException {
        return new SpecificDatumReader<>(LogEvent.class)
                .read(
                        null,
                        DecoderFactory.get()
                                .binaryDecoder(
                                        framed,
                                        WireFormat.HEADER_LENGTH,
                                        framed.length - WireFormat.HEADER_LENGTH,
                                        null));
    }
}
