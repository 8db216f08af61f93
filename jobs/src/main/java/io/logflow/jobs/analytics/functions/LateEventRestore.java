package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.LogEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts late events and decodes each one whole again from the record it came from, so {@code
 * logs-late} gets every field as it was written, although the windows only read a projection. Late
 * events are few, so the second decode costs nothing in the steady state.
 */
public final class LateEventRestore extends ProcessFunction<CompactEvent, LogEvent> {

    private static final long serialVersionUID = 1L;

    private final RegistryClientConfig registry;
    private final Duration outageTimeout;
    private final DeadLetters letters;

    private transient EventDecoder decoder;
    private transient Counter late;

    public LateEventRestore(
            RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.registry = registry;
        this.outageTimeout = outageTimeout;
        this.letters = new DeadLetters(deadLetterMaxBytes);
    }

    @Override
    public void open(OpenContext ctx) {
        decoder = new EventDecoder(registry);
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(CompactEvent event, Context ctx, Collector<LogEvent> out)
            throws Exception {
        late.inc();
        ShuffledEvent origin = event.origin;
        if (origin == null) {
            throw new IllegalStateException(
                    "A late event without the record it came from: " + event);
        }
        try {
            out.collect(
                    RegistryRetry.call(
                            () -> decoder.full(origin), outageTimeout, origin::toString));
        } catch (MalformedRecordException e) {
            // Its projection decoded, so this is only reachable if the two readers disagree.
            ctx.output(
                    DeadLetterRouter.DEAD_LETTERS,
                    letters.of(origin, DeadLetterReason.MALFORMED, e.getMessage(), e.schemaId()));
        } catch (RegistryException e) {
            if (e.isRetriable()) {
                throw e;
            }
            ctx.output(
                    DeadLetterRouter.DEAD_LETTERS,
                    letters.of(
                            origin,
                            LogEventDeserializer.reasonOf(e),
                            e.getMessage(),
                            WireFormat.schemaIdOf(origin.value)));
        }
    }
}
