package io.logflow.jobs.analytics.functions;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Which event times a job accepts. One event far in the future moves its partition's watermark past
 * everyone's windows and makes every on-time event late, so it must be a dead letter instead. It is
 * judged against the Kafka record's own timestamp (when the record was produced or appended),
 * tightly, which also holds while a backfill replays old records; and against the wall clock,
 * loosely, for records without a timestamp.
 *
 * @param minMillis events before this are dead letters
 * @param maxFutureMillis how far ahead of the wall clock an event may be
 * @param maxAheadOfRecordMillis how far ahead of its Kafka record's timestamp an event may be
 */
public record EventTimeRules(long minMillis, long maxFutureMillis, long maxAheadOfRecordMillis)
        implements Serializable {

    public EventTimeRules(Instant min, Duration maxFuture, Duration maxAheadOfRecord) {
        this(min.toEpochMilli(), maxFuture.toMillis(), maxAheadOfRecord.toMillis());
    }

    /**
     * Null when {@code eventMillis} is acceptable, else why not. {@code recordMillis} below 0 means
     * the record has no timestamp.
     */
    public String violation(long eventMillis, long recordMillis, long nowMillis) {
        if (eventMillis < minMillis) {
            return "Event time "
                    + Instant.ofEpochMilli(eventMillis)
                    + " is before event-time.min ("
                    + Instant.ofEpochMilli(minMillis)
                    + ")";
        }
        if (recordMillis >= 0 && eventMillis - recordMillis > maxAheadOfRecordMillis) {
            return "Event time "
                    + Instant.ofEpochMilli(eventMillis)
                    + " is "
                    + Duration.ofMillis(eventMillis - recordMillis)
                    + " ahead of its Kafka record's timestamp "
                    + Instant.ofEpochMilli(recordMillis)
                    + " (event-time.max-ahead-of-record: "
                    + Duration.ofMillis(maxAheadOfRecordMillis)
                    + "): a skewed clock";
        }
        if (eventMillis - nowMillis > maxFutureMillis) {
            return "Event time "
                    + Instant.ofEpochMilli(eventMillis)
                    + " is more than event-time.max-future ("
                    + Duration.ofMillis(maxFutureMillis)
                    + ") ahead of the wall clock";
        }
        return null;
    }
}
