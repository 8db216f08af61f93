package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import java.time.Duration;
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

    private final ShuffledDecode decode;

    // Every operator behind this one is chained and keeps nothing of an event it was handed
    // (object reuse is on), so one instance serves every record.
    private transient CompactEvent reused;
    private transient ShuffledDecode.Step<CompactEvent> compact;
    private transient Counter decoded;
    private transient Counter outOfRange;
    private transient Histogram decodeNanos;
    private transient long sampled;

    public EventDecodeFunction(
            RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.decode = new ShuffledDecode(registry, outageTimeout, deadLetterMaxBytes);
    }

    @Override
    public void open(OpenContext ctx) {
        reused = new CompactEvent();
        compact = (decoder, record) -> decoder.compact(record, reused);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        decode.open(metrics);
        decoded = metrics.counter("eventsDecoded");
        outOfRange = metrics.counter("outOfRangeValues");
        decodeNanos =
                metrics.histogram(
                        "decodeLatencyNanos", new DescriptiveStatisticsHistogram(SAMPLE_WINDOW));
    }

    @Override
    public void processElement(ShuffledEvent in, Context ctx, Collector<CompactEvent> out)
            throws Exception {
        boolean timed = (++sampled % SAMPLE_EVERY) == 0;
        long started = timed ? System.nanoTime() : 0L;
        CompactEvent event = decode.decode(in, compact);
        if (event == null) {
            ctx.output(DeadLetterRouter.DEAD_LETTERS, decode.deadLetter());
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
}
