package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.StatelessSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.function.Function;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link WindowAccumulator}, so window state never falls back to Kryo.
 *
 * <p>Layout (version 3): a format-version byte; count; length-prefixed level counts; HTTP count;
 * length-prefixed status-class counts; bytes sum; max latency; the latencies, as a count and that
 * many doubles while plain, or -1 and the length-prefixed KLL sketch; the host and client-IP HLL
 * sketches, length-prefixed; the path and error sketches, length-prefixed, length 0 for none; the
 * number of route digests (0 for none), then per route its name (modified UTF-8), HTTP count, max
 * latency and length-prefixed KLL sketch (length 0 for none). Version 2 had no route digests;
 * version 1 (before December 2026) also always held a KLL sketch and both item sketches; both are
 * still read. The version byte is in every record, not only in the snapshot, so a later layout can
 * still read state written by an earlier one without a migration pass.
 */
public final class WindowAccumulatorSerializer extends StatelessSerializer<WindowAccumulator> {

    private static final long serialVersionUID = 1L;

    /** The serializer is stateless, so one instance serves every operator and thread. */
    public static final WindowAccumulatorSerializer INSTANCE = new WindowAccumulatorSerializer();

    static final byte FORMAT_VERSION = 3;

    private static final byte FIRST_VERSION = 1;

    /** The first layout with route digests. */
    private static final byte ROUTES_VERSION = 3;

    @Override
    public WindowAccumulator createInstance() {
        return new WindowAccumulator();
    }

    @Override
    public WindowAccumulator copy(WindowAccumulator from) {
        return from.copy();
    }

    @Override
    public void serialize(WindowAccumulator acc, DataOutputView out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeLong(acc.count);
        writeCounts(acc.levelCounts, out);
        out.writeLong(acc.httpCount);
        writeCounts(acc.statusClassCounts, out);
        out.writeLong(acc.bytesSum);
        out.writeDouble(acc.maxLatency);
        if (acc.latency == null) {
            out.writeInt(acc.latencyValueCount);
            for (int i = 0; i < acc.latencyValueCount; i++) {
                out.writeDouble(acc.latencyValues[i]);
            }
        } else {
            out.writeInt(-1);
            writeBytes(acc.latency.toByteArray(), out);
        }
        writeBytes(acc.hosts.toCompactByteArray(), out);
        writeBytes(acc.clientIps.toCompactByteArray(), out);
        writeItems(acc.paths, out);
        writeItems(acc.errors, out);
        if (acc.routes == null) {
            out.writeInt(0);
        } else {
            out.writeInt(acc.routes.size());
            for (var e : acc.routes.entrySet()) {
                RouteDigest d = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(d.httpCount);
                out.writeDouble(d.maxLatency);
                if (d.latency == null) {
                    out.writeInt(0);
                } else {
                    writeBytes(d.latency.toByteArray(), out);
                }
            }
        }
    }

    @Override
    public WindowAccumulator deserialize(DataInputView in) throws IOException {
        int version = in.readByte();
        if (version < FIRST_VERSION || version > FORMAT_VERSION) {
            throw new IOException(
                    "Unknown WindowAccumulator format version "
                            + version
                            + "; this build reads versions "
                            + FIRST_VERSION
                            + " to "
                            + FORMAT_VERSION);
        }
        long count = in.readLong();
        long[] levelCounts = readCounts(in, WindowAccumulator.LEVEL_COUNT, "level");
        long httpCount = in.readLong();
        long[] statusCounts =
                readCounts(in, WindowAccumulator.STATUS_CLASSES.length, "status-class");
        long bytesSum = in.readLong();
        double maxLatency = in.readDouble();
        double[] latencyValues = null;
        int plain = version == FIRST_VERSION ? -1 : in.readInt();
        if (plain < -1 || plain > WindowAccumulator.LATENCY_BUFFER) {
            throw new IOException(
                    "Expected at most "
                            + WindowAccumulator.LATENCY_BUFFER
                            + " plain latencies but found "
                            + plain);
        }
        KllDoublesSketch latency = null;
        if (plain < 0) {
            latency = readSketch(in, "latency", KllDoublesSketch::heapify);
        } else if (plain > 0) {
            latencyValues = new double[plain];
            for (int i = 0; i < plain; i++) {
                latencyValues[i] = in.readDouble();
            }
        }
        HllSketch hosts = readSketch(in, "hosts", HllSketch::heapify);
        HllSketch clientIps = readSketch(in, "clientIps", HllSketch::heapify);
        ItemsSketch<String> paths = readItems(in, "paths");
        ItemsSketch<String> errors = readItems(in, "errors");
        WindowAccumulator acc =
                new WindowAccumulator(
                        count,
                        levelCounts,
                        httpCount,
                        statusCounts,
                        bytesSum,
                        maxLatency,
                        latency,
                        hosts,
                        clientIps,
                        paths,
                        errors);
        if (latencyValues != null) {
            acc.latencyValues = latencyValues;
            acc.latencyValueCount = plain;
        }
        if (version >= ROUTES_VERSION) {
            acc.routes = readRoutes(in);
        }
        return acc;
    }

    private static LinkedHashMap<String, RouteDigest> readRoutes(DataInputView in)
            throws IOException {
        int n = count(in, "route", "WindowAccumulator");
        if (n == 0) {
            return null;
        }
        LinkedHashMap<String, RouteDigest> routes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String route = in.readUTF();
            RouteDigest d = new RouteDigest();
            d.httpCount = in.readLong();
            d.maxLatency = in.readDouble();
            d.latency =
                    readSketch(
                            in,
                            "route " + route,
                            m -> m.getCapacity() == 0 ? null : KllDoublesSketch.heapify(m));
            routes.put(route, d);
        }
        return routes;
    }

    @Override
    public TypeSerializerSnapshot<WindowAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeCounts(long[] counts, DataOutputView out) throws IOException {
        out.writeInt(counts.length);
        for (long c : counts) {
            out.writeLong(c);
        }
    }

    private static void writeItems(ItemsSketch<String> sketch, DataOutputView out)
            throws IOException {
        if (sketch == null) {
            out.writeInt(0);
        } else {
            writeBytes(sketch.toByteArray(WindowAccumulator.STRING_SERDE), out);
        }
    }

    /** Null for length 0 (written for "no items yet"; a sketch's bytes are never empty). */
    private static ItemsSketch<String> readItems(DataInputView in, String field)
            throws IOException {
        return readSketch(in, field, m -> m.getCapacity() == 0 ? null : items(m));
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Accepts fewer entries than expected, so state stays readable after a level is added. */
    private static long[] readCounts(DataInputView in, int expected, String what)
            throws IOException {
        int n = in.readInt();
        if (n < 0 || n > expected) {
            throw new IOException(
                    "Expected at most " + expected + " " + what + " counts but found " + n);
        }
        long[] counts = new long[expected];
        for (int i = 0; i < n; i++) {
            counts[i] = in.readLong();
        }
        return counts;
    }

    private static <S> S readSketch(DataInputView in, String field, Function<Memory, S> parse)
            throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Negative length " + length + " for sketch " + field);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        try {
            return parse.apply(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            throw new IOException("Corrupt " + field + " sketch in WindowAccumulator state", e);
        }
    }

    private static ItemsSketch<String> items(Memory memory) {
        return ItemsSketch.getInstance(memory, WindowAccumulator.STRING_SERDE);
    }

    /** Snapshot of this configuration-free serializer; restores to {@link #INSTANCE}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
