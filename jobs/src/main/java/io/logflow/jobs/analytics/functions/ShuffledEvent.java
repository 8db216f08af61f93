package io.logflow.jobs.analytics.functions;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * What crosses the job's one shuffle for each event: the key and event time read at the source, and
 * the record's original bytes, decoded once on the receiving side.
 *
 * <p>Shuffling the framed Avro bytes is a copy; shuffling a decoded {@code LogEvent} cost an Avro
 * encode and decode of every string on every shuffle (the profile's largest item). Topic,
 * partition, offset, Kafka timestamp and key travel along so that a record that fails its full
 * decode after the shuffle is still a dead letter with its origin and its original bytes.
 */
@TypeInfo(ShuffledEventTypeInfo.Factory.class)
public final class ShuffledEvent {

    /** The service: the key of every keyed operator behind the shuffle. */
    public String service;

    /** Event time, epoch millis. */
    public long timestamp;

    /** The Kafka record's value as it came: Confluent-framed Avro. */
    public byte[] value;

    public String topic;
    public int partition;
    public long offset;
    public long recordTimestamp;

    /** The Kafka record's key, or null. */
    public byte[] key;

    public ShuffledEvent() {}

    public ShuffledEvent(
            String service,
            long timestamp,
            byte[] value,
            String topic,
            int partition,
            long offset,
            long recordTimestamp,
            byte[] key) {
        this.service = service;
        this.timestamp = timestamp;
        this.value = value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.recordTimestamp = recordTimestamp;
        this.key = key;
    }

    /** The shuffle's key: the service. */
    public static final class ByService implements KeySelector<ShuffledEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ShuffledEvent event) {
            return event.service;
        }
    }

    @Override
    public String toString() {
        return service + "@" + timestamp + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
