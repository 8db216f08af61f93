package io.logflow.jobs.analytics.functions;

import io.logflow.schema.DeadLetter;
import java.util.Objects;

/**
 * What the source emits for each Kafka record: an event ready for the shuffle, or the dead letter
 * explaining why it is not one. A POJO, so Flink serializes it without Kryo.
 */
public class DecodedRecord {

    /** The checked event, or null for a dead letter. */
    public ShuffledEvent event;

    /** Why the record could not be used, or null for an event. */
    public DeadLetter deadLetter;

    public DecodedRecord() {}

    public static DecodedRecord of(ShuffledEvent event) {
        DecodedRecord r = new DecodedRecord();
        r.event = event;
        return r;
    }

    public static DecodedRecord of(DeadLetter deadLetter) {
        DecodedRecord r = new DecodedRecord();
        r.deadLetter = deadLetter;
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedRecord
                && Objects.equals(event, ((DecodedRecord) o).event)
                && Objects.equals(deadLetter, ((DecodedRecord) o).deadLetter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, deadLetter);
    }

    @Override
    public String toString() {
        return event != null ? "event " + event : "dead letter " + deadLetter;
    }
}
