package io.logflow.connectors.files;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Buckets records into Hive-style {@code dt=YYYY-MM-DD/hour=HH} partitions (UTC) by a timestamp
 * taken from the record itself, so a replay writes the same partitions as the first run.
 */
public final class HivePartitionBucketAssigner<T> implements BucketAssigner<T, String> {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

    private final SerializableFunction<T, Instant> timestamp;

    public HivePartitionBucketAssigner(SerializableFunction<T, Instant> timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String getBucketId(T element, Context context) {
        return FORMAT.format(timestamp.apply(element));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
