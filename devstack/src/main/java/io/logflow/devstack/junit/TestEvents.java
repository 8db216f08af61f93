package io.logflow.devstack.junit;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Deterministic {@link LogEvent}s for tests: every optional part is sometimes null, so serde and
 * job tests cover the nullable branches too.
 */
public final class TestEvents {

    private static final String[] SERVICES = {"checkout", "payments", "search"};
    private static final Level[] LEVELS = Level.values();

    private TestEvents() {}

    /** Event number {@code i}, at {@code base + i} milliseconds. */
    public static LogEvent event(int i, Instant base) {
        String service = SERVICES[i % SERVICES.length];
        LogEvent.Builder b =
                LogEvent.newBuilder()
                        .setTimestamp(base.plusMillis(i))
                        .setService(service)
                        .setHost(service + "-" + (i % 4))
                        .setLevel(LEVELS[i % LEVELS.length])
                        .setLogger(i % 5 == 0 ? null : "io.app." + service)
                        .setMessage("request " + i + " handled")
                        .setTraceId(i % 2 == 0 ? "trace-" + i : null)
                        .setAttributes(i % 3 == 0 ? Map.of() : Map.of("seq", String.valueOf(i)));
        if (i % 4 != 3) {
            b.setHttp(
                    HttpInfo.newBuilder()
                            .setMethod(i % 2 == 0 ? "GET" : "POST")
                            .setPath("/api/" + service + "/" + (i % 7))
                            .setStatus(new int[] {200, 201, 304, 404, 500}[i % 5])
                            .setLatencyMs(1.5 + (i % 100))
                            .setResponseBytes(100L * i)
                            .setClientIp(i % 6 == 0 ? null : "10.0.0." + (i % 250))
                            .setUserAgent(null)
                            .build());
        }
        return b.build();
    }

    /** Events {@code 0 .. count-1}. */
    public static List<LogEvent> events(int count, Instant base) {
        List<LogEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(event(i, base));
        }
        return out;
    }

    private static final Schema V2 = loadV2();

    /** The second version of the LogEvent schema (adds environment and region). */
    public static Schema v2Schema() {
        return V2;
    }

    private static Schema loadV2() {
        try (InputStream in =
                LogEvent.class.getResourceAsStream(
                        "/io/logflow/schema/evolution/LogEvent.v2.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Writers and readers are not thread-safe, and building them per call dominated the cost.
    private static final ThreadLocal<SpecificDatumWriter<LogEvent>> V1_WRITER =
            ThreadLocal.withInitial(() -> new SpecificDatumWriter<>(LogEvent.class));
    private static final ThreadLocal<GenericDatumReader<GenericRecord>> V1_READER =
            ThreadLocal.withInitial(() -> new GenericDatumReader<>(LogEvent.getClassSchema()));

    /** {@code event} as a v2 generic record, as a producer on the newer schema writes it. */
    public static GenericRecord asV2(LogEvent event, String environment, String region) {
        Schema v2 = v2Schema();
        // Through bytes, so logical types arrive as their raw Avro values in a generic record.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            V1_WRITER.get().write(event, encoder);
            encoder.flush();
            GenericRecord v1 =
                    V1_READER
                            .get()
                            .read(
                                    null,
                                    DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
            GenericRecord out = new GenericData.Record(v2);
            for (Schema.Field f : LogEvent.getClassSchema().getFields()) {
                out.put(f.name(), v1.get(f.name()));
            }
            out.put("environment", environment);
            out.put("region", region);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
