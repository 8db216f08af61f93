package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * One input format: turns a Kafka record's value into events of the job's compact record, with no
 * intermediate {@code LogEvent}. Most formats give one event per record; an OTLP export request
 * gives one per log record in it.
 *
 * <p>An implementation fills {@code scratch} (already {@link CompactEvent#reset reset}) and hands
 * it to {@code out} once per event, resetting it between events: {@code out} copies what it needs
 * before returning, so one instance serves every record. Defaults for what a line does not carry:
 * level INFO, the Kafka record's timestamp, the source's service ({@link FormatSettings}).
 */
public interface LogFormat extends Serializable {

    /**
     * Parses {@code value}; throws {@link UnparseableException} naming what is wrong when it is not
     * of this format. A missing optional field is not an error.
     */
    void parse(byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException;
}
