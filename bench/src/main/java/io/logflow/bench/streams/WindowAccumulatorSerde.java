package io.logflow.bench.streams;

import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowAccumulatorSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams {@link Serde} for the analytics job's {@link WindowAccumulator}, in the job's own
 * state format, so both engines store exactly the same bytes per window.
 */
public final class WindowAccumulatorSerde implements Serde<WindowAccumulator> {

    private static final WindowAccumulatorSerializer FORMAT = WindowAccumulatorSerializer.INSTANCE;

    @Override
    public Serializer<WindowAccumulator> serializer() {
        // Kafka Streams shares one serde instance among its stream threads: a buffer per thread.
        ThreadLocal<DataOutputSerializer> buffers =
                ThreadLocal.withInitial(() -> new DataOutputSerializer(4096));
        return (topic, acc) -> {
            if (acc == null) {
                return null;
            }
            DataOutputSerializer out = buffers.get();
            out.clear();
            try {
                FORMAT.serialize(acc, out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serialize a window accumulator", e);
            }
            return out.getCopyOfBuffer();
        };
    }

    @Override
    public Deserializer<WindowAccumulator> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return FORMAT.deserialize(new DataInputDeserializer(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read a window accumulator", e);
            }
        };
    }
}
