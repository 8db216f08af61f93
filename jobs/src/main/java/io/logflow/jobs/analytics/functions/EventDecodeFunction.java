package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes each event in full, once, right behind the shuffle, so that the window aggregates of
 * every window definition and the template miner, chained behind it, read the same {@link LogEvent}
 * without another shuffle or another decode.
 *
 * <p>The source already resolved the record's schema id and read its event time and service; a
 * record whose other fields still fail to decode becomes a dead letter here, with its origin and
 * original bytes. Numbers no request can have are cleared so they never reach the sketches.
 */
public final class EventDecodeFunction
        extends KeyedProcessFunction<String, ShuffledEvent, LogEvent> {

    private static final long serialVersionUID = 1L;
    // Timing every record would cost more than the decode; one in 64 shows the distribution.
    private static final int SAMPLE_EVERY = 64;
    private static final int SAMPLE_WINDOW = 1024;
    private static final double MAX_LATENCY_MS = 86_400_000.0;

    private final RegistryClientConfig registry;
    private final Duration outageTimeout;
    private final DeadLetters letters;

    private transient Map<String, ConfluentAvroDeserializationSchema<LogEvent>> byTopic;
    private transient Map<Integer, Boolean> ownSchema;
    private transient BoundedBinaryDecoder decoder;
    private transient Counter decoded;
    private transient Counter outOfRange;
    private transient Map<DeadLetterReason, Counter> deadLetters;
    private transient Histogram decodeNanos;
    private transient long sampled;

    public EventDecodeFunction(
            RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.registry = registry;
        this.outageTimeout = outageTimeout;
        this.letters = new DeadLetters(deadLetterMaxBytes);
    }

    @Override
    public void open(OpenContext ctx) {
        byTopic = new HashMap<>();
        ownSchema = new HashMap<>();
        decoder = new BoundedBinaryDecoder();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        decoded = metrics.counter("eventsDecoded");
        outOfRange = metrics.counter("outOfRangeValues");
        decodeNanos =
                metrics.histogram(
                        "decodeLatencyNanos", new DescriptiveStatisticsHistogram(SAMPLE_WINDOW));
        deadLetters = LogEventDeserializer.counters(metrics);
    }

    @Override
    public void processElement(ShuffledEvent in, Context ctx, Collector<LogEvent> out)
            throws Exception {
        boolean timed = (++sampled % SAMPLE_EVERY) == 0;
        long started = timed ? System.nanoTime() : 0L;
        LogEvent event;
        try {
            event = RegistryRetry.call(() -> decode(in), outageTimeout, in::toString);
        } catch (MalformedRecordException e) {
            deadLetter(in, DeadLetterReason.MALFORMED, e.getMessage(), e.schemaId(), ctx);
            return;
        } catch (RegistryException e) {
            if (e.isRetriable()) {
                throw e;
            }
            deadLetter(
                    in,
                    LogEventDeserializer.reasonOf(e),
                    e.getMessage(),
                    WireFormat.schemaIdOf(in.value),
                    ctx);
            return;
        }
        if (timed) {
            decodeNanos.update(System.nanoTime() - started);
        }
        if (!inRange(event)) {
            outOfRange.inc();
        }
        decoded.inc();
        out.collect(event);
    }

    /** The source checked the header and the schema id; the bytes after it may still lie. */
    private LogEvent decode(ShuffledEvent in) throws IOException {
        int id = WireFormat.schemaIdOf(in.value);
        Boolean own = ownSchema.get(id);
        if (own == null) {
            own = LogEventBinaryReader.reads(RegistryClient.shared(registry).getSchemaById(id));
            ownSchema.put(id, own);
        }
        if (!own) {
            return byTopic.computeIfAbsent(
                            in.topic,
                            t -> ConfluentAvroSerdes.valueDeserializer(LogEvent.class, t, registry))
                    .deserialize(in.value);
        }
        decoder.reset(
                in.value, WireFormat.HEADER_LENGTH, in.value.length - WireFormat.HEADER_LENGTH);
        try {
            return LogEventBinaryReader.read(decoder);
        } catch (IOException | RuntimeException e) {
            throw MalformedRecordException.payload(in.topic, id, in.value.length, e);
        }
    }

    private void deadLetter(
            ShuffledEvent in, DeadLetterReason reason, String detail, int id, Context ctx) {
        deadLetters.get(reason).inc();
        ctx.output(DeadLetterRouter.DEAD_LETTERS, letters.of(in, reason, detail, id));
    }

    /**
     * Clears numbers no request can have, so they never reach the sketches: a latency that is NaN,
     * infinite, negative or above a day becomes NaN (which the aggregate skips), negative response
     * bytes become 0. The event itself still counts. False when something was cleared.
     */
    static boolean inRange(LogEvent event) {
        HttpInfo http = event.getHttp();
        if (http == null) {
            return true;
        }
        boolean ok = true;
        double ms = http.getLatencyMs();
        if (!(ms >= 0 && ms <= MAX_LATENCY_MS)) {
            http.setLatencyMs(Double.NaN);
            ok = false;
        }
        if (http.getResponseBytes() < 0) {
            http.setResponseBytes(0L);
            ok = false;
        }
        return ok;
    }
}
