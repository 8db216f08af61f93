package io.logflow.jobs.patterns;

import io.logflow.jobs.state.StatelessSerializer;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer for a whole {@link TemplateMiner}, so a service's templates, ids and counters
 * are checkpointed compactly and never through Kryo.
 *
 * <p>Layout (version 1): a format-version byte; the settings; the id sequence and eviction count;
 * then the templates least recently used first, each as id, count, first-seen time, error flag,
 * tokens and tree route. Restoring in that order reproduces the LRU order exactly, and the stored
 * routes rebuild the tree without re-running any routing decision.
 */
public final class TemplateMinerSerializer extends StatelessSerializer<TemplateMiner> {

    private static final long serialVersionUID = 1L;

    /** Stateless, so one instance serves every operator and thread. */
    public static final TemplateMinerSerializer INSTANCE = new TemplateMinerSerializer();

    static final byte FORMAT_VERSION = 1;

    @Override
    public TemplateMiner createInstance() {
        return new TemplateMiner(PatternSettings.defaults());
    }

    @Override
    public TemplateMiner copy(TemplateMiner from) {
        // Called for every miner changed while a heap snapshot is written: a byte round trip
        // per service per checkpoint was the 100,000-service profile's largest item.
        return from.copy();
    }

    @Override
    public void serialize(TemplateMiner miner, DataOutputView out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        PatternSettings s = miner.settings();
        out.writeLong(s.windowSize().toMillis());
        out.writeInt(s.maxTemplates());
        out.writeDouble(s.similarity());
        out.writeInt(s.depth());
        out.writeInt(s.maxChildren());
        out.writeInt(s.exampleMaxLength());
        out.writeLong(miner.nextId());
        out.writeLong(miner.evictedCount());
        out.writeInt(miner.size());
        for (Template t : miner.templates()) {
            out.writeLong(t.id);
            out.writeLong(t.count);
            out.writeLong(t.firstSeen);
            out.writeBoolean(t.errorSeen);
            out.write(encoded(t));
        }
    }

    /** The template's tokens and route in this layout, encoded once per change of its text. */
    private static byte[] encoded(Template t) throws IOException {
        Template.EncodedText e = t.encoded;
        if (e == null) {
            DataOutputSerializer buffer = new DataOutputSerializer(64);
            writeStrings(t.tokens, buffer);
            writeStrings(t.route, buffer);
            e = new Template.EncodedText(buffer.getCopyOfBuffer());
            t.encoded = e;
        }
        return e.bytes();
    }

    @Override
    public TemplateMiner deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException(
                    "Unknown TemplateMiner format version "
                            + version
                            + "; this build reads version "
                            + FORMAT_VERSION);
        }
        PatternSettings settings =
                PatternSettings.defaults()
                        .withWindowSize(Duration.ofMillis(in.readLong()))
                        .withMaxTemplates(in.readInt())
                        .withSimilarity(in.readDouble())
                        .withDepth(in.readInt())
                        .withMaxChildren(in.readInt())
                        .withExampleMaxLength(in.readInt());
        TemplateMiner miner = new TemplateMiner(settings);
        long nextId = in.readLong();
        long evicted = in.readLong();
        int n = count(in, "template", "TemplateMiner");
        for (int i = 0; i < n; i++) {
            long id = in.readLong();
            long count = in.readLong();
            long firstSeen = in.readLong();
            boolean errorSeen = in.readBoolean();
            Template t = new Template(id, readStrings(in), readStrings(in));
            t.count = count;
            t.firstSeen = firstSeen;
            t.errorSeen = errorSeen;
            miner.restore(t);
        }
        miner.restoreCounters(nextId, evicted);
        return miner;
    }

    @Override
    public TypeSerializerSnapshot<TemplateMiner> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeStrings(String[] values, DataOutputView out) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            StringValue.writeString(v, out);
        }
    }

    private static String[] readStrings(DataInputView in) throws IOException {
        int n = count(in, "string", "TemplateMiner");
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = StringValue.readString(in);
        }
        return values;
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TemplateMiner> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
