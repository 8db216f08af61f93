package io.logflow.connectors.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Reads what Avro's own encoder writes exactly as Avro's decoder does, and refuses lies. */
class BoundedBinaryDecoderTest {

    private static final Schema FIXED = SchemaBuilder.fixed("Id").size(3);
    private static final Schema ALL =
            SchemaBuilder.record("All")
                    .fields()
                    .requiredBoolean("b")
                    .requiredInt("i")
                    .requiredLong("l")
                    .requiredFloat("f")
                    .requiredDouble("d")
                    .requiredString("s")
                    .requiredBytes("y")
                    .name("x")
                    .type(FIXED)
                    .noDefault()
                    .name("e")
                    .type()
                    .enumeration("E")
                    .symbols("A", "B", "C")
                    .noDefault()
                    .name("a")
                    .type()
                    .array()
                    .items()
                    .stringType()
                    .noDefault()
                    .name("m")
                    .type()
                    .map()
                    .values()
                    .longType()
                    .noDefault()
                    .optionalString("u")
                    .name("tail")
                    .type()
                    .stringType()
                    .noDefault()
                    .endRecord();

    /** Keeps only the last field, so the reader skips every other type. */
    private static final Schema TAIL_ONLY =
            SchemaBuilder.record("All").fields().requiredString("tail").endRecord();

    private static GenericRecord sample() {
        GenericRecord r = new GenericData.Record(ALL);
        r.put("b", true);
        r.put("i", -123_456);
        r.put("l", Long.MIN_VALUE + 7);
        r.put("f", 3.25f);
        r.put("d", -0.000123);
        r.put("s", "grüße, 世界");
        r.put("y", ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        r.put("x", new GenericData.Fixed(FIXED, new byte[] {9, 8, 7}));
        r.put("e", new GenericData.EnumSymbol(ALL.getField("e").schema(), "C"));
        r.put("a", List.of("one", "two", "three"));
        r.put("m", Map.of("k1", 1L, "k2", -2L));
        r.put("u", "set");
        r.put("tail", "end");
        return r;
    }

    private static byte[] encode(GenericRecord record, boolean blocking) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The blocking encoder writes negative block counts followed by block sizes.
        BinaryEncoder enc =
                blocking
                        ? EncoderFactory.get().blockingBinaryEncoder(out, null)
                        : EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static GenericRecord decode(byte[] bytes, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(ALL, reader)
                .read(null, new BoundedBinaryDecoder().reset(bytes, 0, bytes.length));
    }

    private static GenericRecord avroDecode(byte[] bytes, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(ALL, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    @Test
    void readsEveryTypeAsAvroDoesWithPlainAndBlockedCollections() throws IOException {
        for (boolean blocking : new boolean[] {false, true}) {
            byte[] bytes = encode(sample(), blocking);
            assertThat(decode(bytes, ALL)).isEqualTo(avroDecode(bytes, ALL)).isEqualTo(sample());
        }
    }

    @Test
    void skipsEveryTypeAsAvroDoes() throws IOException {
        for (boolean blocking : new boolean[] {false, true}) {
            byte[] bytes = encode(sample(), blocking);
            assertThat(decode(bytes, TAIL_ONLY).get("tail").toString()).isEqualTo("end");
            assertThat(decode(bytes, TAIL_ONLY)).isEqualTo(avroDecode(bytes, TAIL_ONLY));
        }
    }

    @Test
    void readsWithinAnOffsetAndLength() throws IOException {
        byte[] bytes = encode(sample(), false);
        byte[] framed = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, framed, 5, bytes.length);
        GenericRecord read =
                new GenericDatumReader<GenericRecord>(ALL)
                        .read(null, new BoundedBinaryDecoder().reset(framed, 5, bytes.length));
        assertThat(read).isEqualTo(sample());
    }

    @Test
    void refusesLengthsAndCountsTheRecordCannotHold() throws IOException {
        BoundedBinaryDecoder d = new BoundedBinaryDecoder();
        byte[] hugeString = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, (byte) 0x61};
        assertThatThrownBy(() -> d.reset(hugeString, 0, hugeString.length).readString())
                .hasMessage(
                        "Declared string length 2147483647 does not fit the 1 bytes left of the"
                                + " record");
        assertThatThrownBy(() -> d.reset(hugeString, 0, hugeString.length).skipBytes())
                .hasMessageContaining("Declared bytes value length 2147483647");
        byte[] negative = {0x01};
        assertThatThrownBy(() -> d.reset(negative, 0, 1).readString())
                .hasMessageContaining("Declared string length -1");
        byte[] manyItems = {(byte) 0xc8, 0x01, 0x02}; // 100 items, 1 byte left
        assertThatThrownBy(() -> d.reset(manyItems, 0, 3).readArrayStart())
                .hasMessage(
                        "Declared array of 100 items does not fit the 1 bytes left of the record");
        byte[] bigBlock = {0x03, (byte) 0xc8, 0x01, 0x00}; // -2 items in a 100-byte block
        assertThatThrownBy(() -> d.reset(bigBlock, 0, 4).skipMap())
                .hasMessageContaining("Declared map block size 100 does not fit the 1 bytes");
        assertThatThrownBy(() -> d.reset(new byte[] {1, 2}, 0, 2).readDouble())
                .isInstanceOf(EOFException.class);
        byte[] longVarint = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        assertThatThrownBy(() -> d.reset(longVarint, 0, 6).readInt())
                .hasMessageContaining("more than 5 bytes");
        assertThatThrownBy(() -> d.reset(new byte[] {2}, 0, 1).readBoolean())
                .hasMessageContaining("Invalid boolean byte 2");
    }
}
