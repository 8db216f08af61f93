package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetterReason;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes each event once, right behind the shuffle, into the {@link CompactEvent} that the window
 * aggregates of every window definition and the template miner, chained behind it, all read without
 * another shuffle or another decode.
 *
 * <p>The source already resolved the record's schema id and read its event time and service; a
 * record whose other fields still fail to decode becomes a dead letter here, with its origin and
 * original bytes. Numbers no request can have are cleared so they never reach the sketches.
 */
public final class EventDecodeFunction
        extends KeyedProcessFunction<String, ShuffledEvent, CompactEvent> {

    private static final long serialVersionUID = 1L;
    // Timing every record would cost more than the decode; one in 64 shows the distribution.
    private static final int SAMPLE_EVERY = 64;
    private static final int SAMPLE_WINDOW = 1024;

    private final RegistryClientConfig registry;
    private final Duration outageTimeout;
    private final DeadLetters letters;

    private transient EventDecoder decoder;
    // Every operator behind this one is chained and keeps nothing of an event it was handed
    // (object reuse is on), so one instance serves every record.
    private transient CompactEvent reused;
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
        decoder = new EventDecoder(registry);
        reused = new CompactEvent();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        decoded = metrics.counter("eventsDecoded");
        outOfRange = metrics.counter("outOfRangeValues");
        decodeNanos =
                metrics.histogram(
                        "decodeLatencyNanos", new DescriptiveStatisticsHistogram(SAMPLE_WINDOW));
        deadLetters = LogEventDeserializer.counters(metrics);
    }

    @Override
    public void processElement(ShuffledEvent in, Context ctx, Collector<CompactEvent> out)
            throws Exception {
        boolean timed = (++sampled % SAMPLE_EVERY) == 0;
        long started = timed ? System.nanoTime() : 0L;
        CompactEvent event;
        try {
            event =
                    RegistryRetry.call(
                            () -> decoder.compact(in, reused), outageTimeout, in::toString);
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
        if (!EventDecoder.clampRange(event)) {
            outOfRange.inc();
        }
        decoded.inc();
        out.collect(event);
    }

    private void deadLetter(
            ShuffledEvent in, DeadLetterReason reason, String detail, int id, Context ctx) {
        deadLetters.get(reason).inc();
        ctx.output(DeadLetterRouter.DEAD_LETTERS, letters.of(in, reason, detail, id));
    }
}
