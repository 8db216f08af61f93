package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.StatelessSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The shuffle's serializer: two UTF-8 strings, four numbers and two byte arrays, all
 * length-prefixed, no reflection, no Avro, no Kryo. Not used for state, so the layout may change
 * between versions.
 */
public final class ShuffledEventSerializer extends StatelessSerializer<ShuffledEvent> {

    private static final long serialVersionUID = 1L;

    public static final ShuffledEventSerializer INSTANCE = new ShuffledEventSerializer();

    @Override
    public ShuffledEvent createInstance() {
        return new ShuffledEvent();
    }

    @Override
    public ShuffledEvent copy(ShuffledEvent from) {
        // Strings are immutable; no operator writes into the arrays.
        return new ShuffledEvent(
                from.service,
                from.timestamp,
                from.value,
                from.topic,
                from.partition,
                from.offset,
                from.recordTimestamp,
                from.key);
    }

    @Override
    public void serialize(ShuffledEvent e, DataOutputView out) throws IOException {
        // UTF-8 bytes rather than StringValue, whose reader fetches a thread-local buffer per
        // string (3% of the receiving task in the profile).
        writeBytes(e.service.getBytes(StandardCharsets.UTF_8), out);
        out.writeLong(e.timestamp);
        writeBytes(e.value, out);
        writeBytes(e.topic.getBytes(StandardCharsets.UTF_8), out);
        out.writeInt(e.partition);
        out.writeLong(e.offset);
        out.writeLong(e.recordTimestamp);
        writeBytes(e.key, out);
    }

    @Override
    public ShuffledEvent deserialize(DataInputView in) throws IOException {
        return new ShuffledEvent(
                new String(readBytes(in), StandardCharsets.UTF_8),
                in.readLong(),
                readBytes(in),
                new String(readBytes(in), StandardCharsets.UTF_8),
                in.readInt(),
                in.readLong(),
                in.readLong(),
                readBytes(in));
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public TypeSerializerSnapshot<ShuffledEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ShuffledEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
