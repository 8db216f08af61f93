package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.schema.LogEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The normalize job's one step: every checked record as a whole {@code LogEvent}, parsed lines and
 * Avro records alike; a record that cannot be decoded is a dead letter with its original bytes.
 */
public final class NormalizeFunction extends ProcessFunction<ShuffledEvent, LogEvent> {

    private static final long serialVersionUID = 1L;

    private final ShuffledDecode decode;

    public NormalizeFunction(
            RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.decode = new ShuffledDecode(registry, outageTimeout, deadLetterMaxBytes);
    }

    @Override
    public void open(OpenContext ctx) {
        decode.open(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(ShuffledEvent in, Context ctx, Collector<LogEvent> out)
            throws Exception {
        LogEvent event = decode.decode(in, EventDecoder::full);
        if (event != null) {
            out.collect(event);
        } else {
            ctx.output(DeadLetterRouter.DEAD_LETTERS, decode.deadLetter());
        }
    }
}
