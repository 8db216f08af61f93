package io.logflow.jobs.analytics.functions;

import io.logflow.schema.DeadLetter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes events on and sends dead letters to {@link #DEAD_LETTERS}. */
public final class DeadLetterRouter extends ProcessFunction<DecodedRecord, ShuffledEvent> {

    private static final long serialVersionUID = 1L;

    /** Side output of records the job could not use. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>(
                    "dead-letters",
                    org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(DecodedRecord record, Context ctx, Collector<ShuffledEvent> out) {
        if (record.event != null) {
            out.collect(record.event);
        } else {
            ctx.output(DEAD_LETTERS, record.deadLetter);
        }
    }
}
