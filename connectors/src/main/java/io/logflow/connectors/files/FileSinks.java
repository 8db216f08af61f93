package io.logflow.connectors.files;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.function.SerializableFunction;

/**
 * File sinks for job output under Hive-style {@code dt=/hour=} partitions, committed exactly once
 * on checkpoints: Parquet for Spark and Hadoop, JSON Lines for anything else.
 *
 * <pre>{@code
 * FileSink<WindowStats> sink = FileSinks.forFormat(FileFormat.PARQUET, "file:///data/metrics",
 *         WindowStats.class, WindowStats::getWindowStart);
 * }</pre>
 */
public final class FileSinks {

    /** The file formats LogFlow writes. */
    public enum FileFormat {
        PARQUET,
        JSON
    }

    private FileSinks() {}

    /** A sink writing {@code recordClass} records in {@code format} below {@code basePath}. */
    public static <T extends SpecificRecordBase> FileSink<T> forFormat(
            FileFormat format,
            String basePath,
            Class<T> recordClass,
            SerializableFunction<T, Instant> partitionTime) {
        return format == FileFormat.PARQUET
                ? parquet(basePath, recordClass, partitionTime)
                : jsonLines(basePath, partitionTime);
    }

    /** Parquet files, one per bucket and checkpoint, with the record's Avro schema. */
    public static <T extends SpecificRecordBase> FileSink<T> parquet(
            String basePath, Class<T> recordClass, SerializableFunction<T, Instant> partitionTime) {
        return FileSink.forBulkFormat(
                        new Path(basePath),
                        new ParquetWriterFactory<>(new SpecificParquetBuilder<>(recordClass)))
                .withBucketAssigner(new HivePartitionBucketAssigner<>(partitionTime))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(files(".parquet"))
                .build();
    }

    /** JSON Lines files, rolled on every checkpoint so each file is committed exactly once. */
    public static <T extends SpecificRecordBase> FileSink<T> jsonLines(
            String basePath, SerializableFunction<T, Instant> partitionTime) {
        return FileSink.forRowFormat(new Path(basePath), new AvroJsonLinesEncoder<T>())
                .withBucketAssigner(new HivePartitionBucketAssigner<>(partitionTime))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(files(".jsonl"))
                .build();
    }

    private static OutputFileConfig files(String suffix) {
        return OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(suffix).build();
    }
}
