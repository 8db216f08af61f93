package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.OwnSerializerTypeInfo;
import io.logflow.jobs.state.StatelessSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link WindowPanes}: a format-version byte, the panes (start and accumulator
 * as {@link WindowAccumulatorSerializer} writes it), the fired windows and the two watermarks.
 */
public final class WindowPanesSerializer extends StatelessSerializer<WindowPanes> {

    private static final long serialVersionUID = 1L;

    /** Stateless, so one instance serves every operator and thread. */
    public static final WindowPanesSerializer INSTANCE = new WindowPanesSerializer();

    static final byte FORMAT_VERSION = 1;

    @Override
    public WindowPanes createInstance() {
        return new WindowPanes();
    }

    @Override
    public WindowPanes copy(WindowPanes from) {
        return from.copy();
    }

    @Override
    public void serialize(WindowPanes p, DataOutputView out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeInt(p.paneCount);
        for (int i = 0; i < p.paneCount; i++) {
            out.writeLong(p.starts[i]);
            WindowAccumulatorSerializer.INSTANCE.serialize(p.panes[i], out);
        }
        out.writeInt(p.firedCount);
        for (int i = 0; i < p.firedCount; i++) {
            out.writeInt(p.firedSpecs[i]);
            out.writeLong(p.firedEnds[i]);
            out.writeInt(p.firedRevisions[i]);
        }
        out.writeLong(p.firedUntil);
        out.writeLong(p.timer);
    }

    @Override
    public WindowPanes deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unknown window pane format version "
                            + version
                            + "; this build reads version "
                            + FORMAT_VERSION);
        }
        int panes = count(in, "pane", "window pane");
        long[] starts = new long[panes];
        WindowAccumulator[] accs = new WindowAccumulator[panes];
        for (int i = 0; i < panes; i++) {
            starts[i] = in.readLong();
            accs[i] = WindowAccumulatorSerializer.INSTANCE.deserialize(in);
        }
        int fired = count(in, "fired window", "window pane");
        WindowPanes sized = new WindowPanes(panes, fired);
        System.arraycopy(starts, 0, sized.starts, 0, panes);
        System.arraycopy(accs, 0, sized.panes, 0, panes);
        sized.paneCount = panes;
        for (int i = 0; i < fired; i++) {
            sized.firedSpecs[i] = in.readInt();
            sized.firedEnds[i] = in.readLong();
            sized.firedRevisions[i] = in.readInt();
        }
        sized.firedCount = fired;
        sized.firedUntil = in.readLong();
        sized.timer = in.readLong();
        return sized;
    }

    @Override
    public TypeSerializerSnapshot<WindowPanes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowPanes> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Type information that gives {@link WindowPanes} state this serializer, not Kryo. */
    public static final class TypeInfo extends OwnSerializerTypeInfo<WindowPanes> {

        private static final long serialVersionUID = 1L;

        public static final TypeInfo INSTANCE = new TypeInfo();

        private TypeInfo() {
            super(WindowPanes.class, WindowPanesSerializer.INSTANCE);
        }
    }
}
