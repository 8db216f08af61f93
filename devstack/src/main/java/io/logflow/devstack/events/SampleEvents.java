package io.logflow.devstack.events;

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
 * Deterministic {@link LogEvent}s for tests and tools (the chaos run's input, the generator's
 * schema-v2 records): every optional part is sometimes null, so serde and job tests cover the
 * nullable branches too; and hand-made ones whose every metric-relevant field a test chooses.
 */
public final class SampleEvents {

    private static final String[] SERVICES = {"checkout", "payments", "search"};
    private static final Level[] LEVELS = Level.values();

    private SampleEvents() {}

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

    /** One checkout event at the epoch with the level, host, message and HTTP part given. */
    public static LogEvent event(Level level, String host, String message, HttpInfo http) {
        return LogEvent.newBuilder()
                .setTimestamp(Instant.EPOCH)
                .setService("checkout")
                .setHost(host)
                .setLevel(level)
                .setMessage(message)
                .setHttp(http)
                .build();
    }

    /** {@link #event(Level, String, String, HttpInfo)} with the message {@code ok}. */
    public static LogEvent event(Level level, String host, HttpInfo http) {
        return event(level, host, "ok", http);
    }

    /** A GET request's HTTP part. */
    public static HttpInfo http(
            String path, int status, double latencyMs, long bytes, String clientIp) {
        return HttpInfo.newBuilder()
                .setMethod("GET")
                .setPath(path)
                .setStatus(status)
                .setLatencyMs(latencyMs)
                .setResponseBytes(bytes)
                .setClientIp(clientIp)
                .build();
    }

    /**
     * {@code count} checkout events for aggregation tests: six levels, every status class and two
     * outside them (101, 600), a seventh without HTTP, a sixth without client IP, nine hosts and
     * client IPs across four subnets.
     */
    public static List<LogEvent> varied(int count) {
        int[] statuses = {200, 201, 304, 404, 500, 101, 600};
        List<LogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpInfo http =
                    i % 7 == 3
                            ? null
                            : http(
                                    "/api/" + (i % 11),
                                    statuses[i % statuses.length],
                                    1.5 + (i % 97),
                                    100L * i,
                                    i % 6 == 0 ? null : "10.0." + (i / 250) % 4 + "." + i % 250);
            events.add(event(LEVELS[i % LEVELS.length], "host-" + (i % 9), "msg " + (i % 5), http));
        }
        return events;
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
