package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the shuffled records of one task: the compact projection for the keyed operators, or the
 * whole {@link LogEvent} for the late path. Records written with this build's schema are read field
 * by field from their bytes; any other writer schema goes through Avro's resolving reader. Not
 * thread-safe; one per task.
 */
final class EventDecoder {

    private static final double MAX_LATENCY_MS = 86_400_000.0;

    private final RegistryClientConfig registry;
    private final Map<String, ConfluentAvroDeserializationSchema<LogEvent>> byTopic =
            new HashMap<>();
    private final Map<Integer, Boolean> ownSchema = new HashMap<>();
    private final BoundedBinaryDecoder decoder = new BoundedBinaryDecoder();

    EventDecoder(RegistryClientConfig registry) {
        this.registry = registry;
    }

    /**
     * The compact event of {@code in}, into {@code out}, with its numbers in range (see {@link
     * #clampRange}); the source checked the header and the schema id, the bytes after it may still
     * lie.
     */
    CompactEvent compact(ShuffledEvent in, CompactEvent out) throws IOException {
        if (CompactCodec.isParsed(in.value)) {
            CompactCodec.decode(in.value, out);
            out.origin = in;
            return out;
        }
        int id = WireFormat.schemaIdOf(in.value);
        if (isOwn(id)) {
            decoder.reset(
                    in.value, WireFormat.HEADER_LENGTH, in.value.length - WireFormat.HEADER_LENGTH);
            try {
                LogEventBinaryReader.readCompact(decoder, out);
            } catch (IOException | RuntimeException e) {
                throw MalformedRecordException.payload(in.topic, id, in.value.length, e);
            }
        } else {
            LogEvent event = resolving(in);
            out.copyFrom(CompactEvent.of(event));
        }
        out.origin = in;
        return out;
    }

    /** The whole event of {@code in}, exactly as it was written. */
    LogEvent full(ShuffledEvent in) throws IOException {
        if (CompactCodec.isParsed(in.value)) {
            return fromParsed(CompactCodec.decode(in.value, new CompactEvent()));
        }
        int id = WireFormat.schemaIdOf(in.value);
        if (!isOwn(id)) {
            return resolving(in);
        }
        decoder.reset(
                in.value, WireFormat.HEADER_LENGTH, in.value.length - WireFormat.HEADER_LENGTH);
        try {
            return LogEventBinaryReader.read(decoder);
        } catch (IOException | RuntimeException e) {
            throw MalformedRecordException.payload(in.topic, id, in.value.length, e);
        }
    }

    /**
     * A parsed line as a {@code LogEvent}: what the compact record kept of it (a raw line has no
     * logger, trace id or attributes the windows would read); a method the line did not name is
     * empty, as the schema's method is not nullable.
     */
    static LogEvent fromParsed(CompactEvent e) {
        LogEvent.Builder b =
                LogEvent.newBuilder()
                        .setTimestamp(java.time.Instant.ofEpochMilli(e.timestamp))
                        .setService(e.service)
                        .setHost(e.host == null ? "" : e.host)
                        .setLevel(e.level)
                        .setMessage(e.message)
                        .setAttributes(java.util.Map.of());
        if (e.http) {
            b.setHttp(
                    io.logflow.schema.HttpInfo.newBuilder()
                            .setMethod(e.method == null ? "" : e.method)
                            .setPath(e.path)
                            .setStatus(e.status)
                            .setLatencyMs(e.latencyMs)
                            .setResponseBytes(e.responseBytes)
                            .setClientIp(e.clientIp)
                            .setUserAgent(e.userAgent)
                            .build());
        }
        return b.build();
    }

    private boolean isOwn(int id) throws IOException {
        Boolean own = ownSchema.get(id);
        if (own == null) {
            own = LogEventBinaryReader.reads(RegistryClient.shared(registry).getSchemaById(id));
            ownSchema.put(id, own);
        }
        return own;
    }

    private LogEvent resolving(ShuffledEvent in) throws IOException {
        return byTopic.computeIfAbsent(
                        in.topic,
                        t -> ConfluentAvroSerdes.valueDeserializer(LogEvent.class, t, registry))
                .deserialize(in.value);
    }

    /**
     * Clears numbers no request can have, so they never reach the sketches: a latency that is NaN,
     * infinite, negative or above a day becomes NaN (which the aggregate skips), negative response
     * bytes become 0. The event itself still counts. False when something was cleared.
     */
    static boolean clampRange(CompactEvent event) {
        if (!event.http) {
            return true;
        }
        boolean ok = true;
        double ms = event.latencyMs;
        if (!(ms >= 0 && ms <= MAX_LATENCY_MS)) {
            event.latencyMs = Double.NaN;
            ok = false;
        }
        if (event.responseBytes < 0) {
            event.responseBytes = 0L;
            ok = false;
        }
        return ok;
    }
}
