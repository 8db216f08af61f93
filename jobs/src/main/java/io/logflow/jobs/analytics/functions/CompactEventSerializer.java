package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.formats.HttpMethods;
import io.logflow.jobs.state.StatelessSerializer;
import io.logflow.schema.Level;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializer of {@link CompactEvent}, for when Flink must copy or ship one: the job chains every
 * operator that reads it behind the decode, so a running job never calls it per event. Not used for
 * state (see {@link CompactCodec} for why nothing snapshots a compact event), so the layout may
 * change between versions.
 */
public final class CompactEventSerializer extends StatelessSerializer<CompactEvent> {

    private static final long serialVersionUID = 1L;

    public static final CompactEventSerializer INSTANCE = new CompactEventSerializer();

    private static final Level[] LEVELS = Level.values();

    @Override
    public CompactEvent createInstance() {
        return new CompactEvent();
    }

    @Override
    public CompactEvent copy(CompactEvent from) {
        // Strings are immutable and nothing writes into the origin.
        return new CompactEvent().copyFrom(from);
    }

    @Override
    public void serialize(CompactEvent e, DataOutputView out) throws IOException {
        out.writeLong(e.timestamp);
        StringValue.writeString(e.service, out);
        StringValue.writeString(e.host, out);
        out.writeByte(e.level.ordinal());
        StringValue.writeString(e.message, out);
        out.writeBoolean(e.http);
        if (e.http) {
            StringValue.writeString(e.path, out);
            out.writeInt(e.status);
            out.writeDouble(e.latencyMs);
            out.writeLong(e.responseBytes);
            // StringValue writes null as its own length code.
            StringValue.writeString(e.clientIp, out);
            StringValue.writeString(e.method, out);
            StringValue.writeString(e.userAgent, out);
        }
        out.writeBoolean(e.origin != null);
        if (e.origin != null) {
            ShuffledEventSerializer.INSTANCE.serialize(e.origin, out);
        }
    }

    @Override
    public CompactEvent deserialize(DataInputView in) throws IOException {
        CompactEvent e = new CompactEvent();
        e.timestamp = in.readLong();
        e.service = StringValue.readString(in);
        e.host = StringValue.readString(in);
        int level = in.readByte();
        if (level < 0 || level >= LEVELS.length) {
            throw new IOException("Level index " + level + " is not one of " + LEVELS.length);
        }
        e.level = LEVELS[level];
        e.message = StringValue.readString(in);
        e.http = in.readBoolean();
        if (e.http) {
            e.path = StringValue.readString(in);
            e.status = in.readInt();
            e.latencyMs = in.readDouble();
            e.responseBytes = in.readLong();
            e.clientIp = StringValue.readString(in);
            e.method = HttpMethods.of(StringValue.readString(in));
            e.userAgent = StringValue.readString(in);
        }
        if (in.readBoolean()) {
            e.origin = ShuffledEventSerializer.INSTANCE.deserialize(in);
        }
        return e;
    }

    @Override
    public TypeSerializerSnapshot<CompactEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CompactEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
