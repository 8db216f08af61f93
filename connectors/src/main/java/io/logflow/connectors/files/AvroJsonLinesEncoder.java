package io.logflow.connectors.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * Writes Avro records as JSON Lines in the shape analysts expect: plain values instead of Avro's
 * tagged unions, timestamps as ISO-8601 strings, bytes as base64.
 */
public final class AvroJsonLinesEncoder<T extends IndexedRecord> implements Encoder<T> {

    private static final long serialVersionUID = 1L;

    private transient JsonFactory factory;

    @Override
    public void encode(T element, OutputStream stream) throws IOException {
        if (factory == null) {
            factory = new JsonFactory();
            factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }
        try (JsonGenerator json = factory.createGenerator(stream, JsonEncoding.UTF8)) {
            write(json, element.getSchema(), element);
        }
        stream.write('\n');
    }

    /** Renders one record as a JSON line, without the trailing newline. */
    public static String toJson(IndexedRecord record) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            new AvroJsonLinesEncoder<IndexedRecord>().encode(record, out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (schema.getType()) {
            case RECORD:
                IndexedRecord record = (IndexedRecord) value;
                json.writeStartObject();
                for (Schema.Field field : schema.getFields()) {
                    json.writeFieldName(field.name());
                    write(json, field.schema(), record.get(field.pos()));
                }
                json.writeEndObject();
                break;
            case UNION:
                int branch = GenericData.get().resolveUnion(schema, value);
                write(json, schema.getTypes().get(branch), value);
                break;
            case ARRAY:
                json.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    write(json, schema.getElementType(), item);
                }
                json.writeEndArray();
                break;
            case MAP:
                json.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    json.writeFieldName(e.getKey().toString());
                    write(json, schema.getValueType(), e.getValue());
                }
                json.writeEndObject();
                break;
            case LONG:
                if (value instanceof Instant) {
                    json.writeString(value.toString());
                } else if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                    json.writeString(Instant.ofEpochMilli((Long) value).toString());
                } else {
                    json.writeNumber((Long) value);
                }
                break;
            case INT:
                json.writeNumber((Integer) value);
                break;
            case DOUBLE:
                writeDouble(json, (Double) value);
                break;
            case FLOAT:
                writeDouble(json, ((Float) value).doubleValue());
                break;
            case BOOLEAN:
                json.writeBoolean((Boolean) value);
                break;
            case BYTES:
                ByteBuffer buf = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buf.remaining()];
                buf.get(bytes);
                json.writeString(Base64.getEncoder().encodeToString(bytes));
                break;
            default:
                // STRING, ENUM, FIXED: their text form is what a reader wants.
                json.writeString(value.toString());
        }
    }

    private static void writeDouble(JsonGenerator json, double value) throws IOException {
        // JSON has no NaN or Infinity; null keeps every line parseable.
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
