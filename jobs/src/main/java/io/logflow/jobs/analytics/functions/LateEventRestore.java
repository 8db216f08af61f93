package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
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

    private final ShuffledDecode decode;
    private transient Counter late;

    public LateEventRestore(
            RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.decode = new ShuffledDecode(registry, outageTimeout, deadLetterMaxBytes);
    }

    @Override
    public void open(OpenContext ctx) {
        decode.open(getRuntimeContext().getMetricGroup());
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(CompactEvent event, Context ctx, Collector<LogEvent> out)
            throws Exception {
        late.inc();
        if (event.origin == null) {
            throw new IllegalStateException(
                    "A late event without the record it came from: " + event);
        }
        // Its projection decoded, so a dead letter here means the two readers disagree.
        LogEvent whole = decode.decode(event.origin, EventDecoder::full);
        if (whole != null) {
            out.collect(whole);
        } else {
            ctx.output(DeadLetterRouter.DEAD_LETTERS, decode.deadLetter());
        }
    }
}
