package io.logflow.jobs.patterns;

import io.logflow.jobs.state.StatelessSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for a {@link PatternState}: a format-version byte, the miner as {@link
 * TemplateMinerSerializer} writes it, then each open window's start and its counts by template.
 */
public final class PatternStateSerializer extends StatelessSerializer<PatternState> {

    private static final long serialVersionUID = 1L;

    /** Stateless, so one instance serves every operator and thread. */
    public static final PatternStateSerializer INSTANCE = new PatternStateSerializer();

    static final byte FORMAT_VERSION = 1;

    @Override
    public PatternState createInstance() {
        return new PatternState(new TemplateMiner(PatternSettings.defaults()));
    }

    @Override
    public PatternState copy(PatternState from) {
        return from.copy();
    }

    @Override
    public void serialize(PatternState state, DataOutputView out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        TemplateMinerSerializer.INSTANCE.serialize(state.miner, out);
        out.writeInt(state.windows.size());
        for (PatternState.OpenWindow w : state.windows) {
            out.writeLong(w.start());
            out.writeInt(w.counts().size());
            for (Map.Entry<Long, WindowCount> e : w.counts().entrySet()) {
                WindowCount c = e.getValue();
                out.writeLong(e.getKey());
                out.writeLong(c.count);
                out.writeLong(c.errorCount);
                StringValue.writeString(c.template, out);
                StringValue.writeString(c.example, out);
                out.writeLong(c.firstSeen);
                out.writeBoolean(c.newTemplate);
                out.writeBoolean(c.newError);
            }
        }
    }

    @Override
    public PatternState deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unknown pattern state format version "
                            + version
                            + "; this build reads version "
                            + FORMAT_VERSION);
        }
        PatternState state = new PatternState(TemplateMinerSerializer.INSTANCE.deserialize(in));
        int windows = count(in, "window", "pattern");
        for (int i = 0; i < windows; i++) {
            PatternState.OpenWindow w = state.open(in.readLong());
            HashMap<Long, WindowCount> counts = w.counts();
            int n = count(in, "template", "pattern");
            for (int j = 0; j < n; j++) {
                long id = in.readLong();
                WindowCount c = new WindowCount();
                c.count = in.readLong();
                c.errorCount = in.readLong();
                c.template = StringValue.readString(in);
                c.example = StringValue.readString(in);
                c.firstSeen = in.readLong();
                c.newTemplate = in.readBoolean();
                c.newError = in.readBoolean();
                counts.put(id, c);
            }
        }
        return state;
    }

    @Override
    public TypeSerializerSnapshot<PatternState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PatternState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
