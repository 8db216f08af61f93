package io.logflow.jobs.analytics.functions;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time is the log line's own timestamp. Dead letters get the smallest timestamp so they never
 * move a watermark.
 */
public final class DecodedTimestampAssigner
        implements SerializableTimestampAssigner<DecodedRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(DecodedRecord record, long kafkaTimestamp) {
        return record.event != null ? record.event.timestamp : Long.MIN_VALUE;
    }
}
