package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class WindowAccumulatorSerializerTest {

    private final WindowAccumulatorSerializer serializer = WindowAccumulatorSerializer.INSTANCE;
    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();

    /** Past every sketch's exact mode: KLL compacts, HLL estimates, paths and errors repeat. */
    private static WindowAccumulator populated() {
        WindowAccumulator acc = WindowAccumulators.of(SampleEvents.varied(5_000));
        for (int i = 0; i < 3_000; i++) {
            acc.add(event(Level.ERROR, "h", "boom " + (i % 7), http("/x", 200, i, 1, "ip-" + i)));
        }
        return acc;
    }

    private byte[] serialize(WindowAccumulator acc) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(acc, out);
        return out.getCopyOfBuffer();
    }

    private WindowAccumulator deserialize(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        WindowAccumulator acc = serializer.deserialize(in);
        assertThat(in.available()).as("trailing bytes").isZero();
        return acc;
    }

    @Test
    void roundTripPreservesTheResult() throws IOException {
        WindowAccumulator original = populated();

        WindowAccumulator restored = deserialize(serialize(original));

        assertThat(aggregate.getResult(restored)).isEqualTo(aggregate.getResult(original));
        assertThat(restored.maxLatency).isEqualTo(original.maxLatency);
    }

    @Test
    void emptyAccumulatorRoundTrips() throws IOException {
        WindowAccumulator restored = deserialize(serialize(new WindowAccumulator()));

        assertThat(aggregate.getResult(restored))
                .isEqualTo(aggregate.getResult(new WindowAccumulator()));
        assertThat(restored.maxLatency).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void restoredSketchesKeepAcceptingEvents() throws IOException {
        WindowAccumulator restored =
                deserialize(serialize(WindowAccumulators.of(SampleEvents.varied(40))));
        long hostsBefore = aggregate.getResult(restored).getDistinctHosts();

        restored.add(
                event(Level.FATAL, "brand-new-host", "fresh", http("/fresh", 200, 1, 0, null)));
        restored.add(
                event(Level.FATAL, "brand-new-host", "fresh", http("/fresh", 200, 1, 0, null)));

        WindowStats stats = aggregate.getResult(restored);
        assertThat(stats.getCount()).isEqualTo(42);
        assertThat(stats.getDistinctHosts()).isEqualTo(hostsBefore + 1);
        assertThat(stats.getTopErrors()).contains(new TopItem("fresh", 2L));
    }

    @Test
    void serializedCopyReproducesTheSameBytes() throws IOException {
        byte[] bytes = serialize(populated());
        DataOutputSerializer target = new DataOutputSerializer(1024);

        serializer.copy(new DataInputDeserializer(bytes), target);

        assertThat(aggregate.getResult(deserialize(target.getCopyOfBuffer())))
                .isEqualTo(aggregate.getResult(deserialize(bytes)));
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        WindowAccumulator original = WindowAccumulators.of(SampleEvents.varied(300));
        WindowStats originalStats = aggregate.getResult(original);
        LogEvent extra =
                event(Level.ERROR, "other-host", "new", http("/new", 500, 9e9, 5, "9.9.9.9"));

        WindowAccumulator copy = serializer.copy(original);
        assertThat(aggregate.getResult(copy)).isEqualTo(originalStats);

        copy.add(extra);
        assertThat(aggregate.getResult(original)).isEqualTo(originalStats);

        WindowAccumulator secondCopy = serializer.copy(original, serializer.createInstance());
        original.add(extra);
        original.merge(copy);
        assertThat(aggregate.getResult(secondCopy)).isEqualTo(originalStats);
        assertThat(aggregate.getResult(copy).getLatency().getMax()).isEqualTo(9e9);
    }

    /** The layout every accumulator had before plain latencies: always a KLL and item sketches. */
    private static byte[] versionOne(WindowAccumulator acc) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeByte(1);
        out.writeLong(acc.count);
        out.writeInt(acc.levelCounts.length);
        for (long c : acc.levelCounts) {
            out.writeLong(c);
        }
        out.writeLong(acc.httpCount);
        out.writeInt(acc.statusClassCounts.length);
        for (long c : acc.statusClassCounts) {
            out.writeLong(c);
        }
        out.writeLong(acc.bytesSum);
        out.writeDouble(acc.maxLatency);
        for (byte[] b :
                new byte[][] {
                    acc.latencySketch().toByteArray(),
                    acc.hosts.toCompactByteArray(),
                    acc.clientIps.toCompactByteArray(),
                    acc.paths.toByteArray(WindowAccumulator.STRING_SERDE),
                    acc.errors.toByteArray(WindowAccumulator.STRING_SERDE)
                }) {
            out.writeInt(b.length);
            out.write(b);
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void stateWrittenInVersionOneIsStillRead() throws IOException {
        WindowAccumulator original = populated();
        WindowStats expected = aggregate.getResult(original);

        WindowAccumulator restored = deserialize(versionOne(original));

        assertThat(aggregate.getResult(restored)).isEqualTo(expected);
        restored.add(event(Level.ERROR, "h2", "after restore", http("/y", 503, 7, 1, "ip-x")));
        assertThat(aggregate.getResult(restored).getCount()).isEqualTo(expected.getCount() + 1);
    }

    @Test
    void stateWrittenInVersionTwoIsStillRead() throws IOException {
        WindowAccumulator original = populated();
        // Version 2 is today's layout without the route count at its end.
        byte[] now = serialize(original);
        byte[] two = java.util.Arrays.copyOf(now, now.length - Integer.BYTES);
        two[0] = 2;

        WindowAccumulator restored = deserialize(two);

        assertThat(aggregate.getResult(restored)).isEqualTo(aggregate.getResult(original));
        assertThat(restored.routes).isNull();
    }

    @Test
    void fewLatenciesStayPlainAndRoundTripExactly() throws IOException {
        WindowAccumulator few = WindowAccumulators.of(SampleEvents.varied(10));
        assertThat(few.latency).as("no sketch for a few latencies").isNull();
        assertThat(few.latencyCount()).isPositive();

        WindowAccumulator restored = deserialize(serialize(few));

        assertThat(restored.latency).isNull();
        assertThat(aggregate.getResult(restored)).isEqualTo(aggregate.getResult(few));
    }

    @Test
    void plainLatenciesGiveTheSketchesResultsAtEverySize() {
        // Up to and past the switch to the sketch, the results equal a sketch fed every value
        // (below k, where a KLL sketch is exact and compacts nothing at random).
        for (int n : new int[] {1, 2, 5, 31, 32, 33, 64, 150}) {
            WindowAccumulator acc = new WindowAccumulator();
            org.apache.datasketches.kll.KllDoublesSketch direct =
                    org.apache.datasketches.kll.KllDoublesSketch.newHeapInstance(
                            WindowAccumulator.KLL_K);
            for (int i = 0; i < n; i++) {
                double ms = (i * 7919) % 1_000 + 0.5;
                acc.add(event(Level.INFO, "h", "ok", http("/p", 200, ms, 1, null)));
                direct.update(ms);
            }
            double[] ranks = {0.5, 0.9, 0.95, 0.99};
            assertThat(acc.latencyQuantiles(ranks))
                    .as("n=%d", n)
                    .containsExactly(
                            direct.getQuantiles(
                                    ranks,
                                    org.apache.datasketches.quantilescommon.QuantileSearchCriteria
                                            .INCLUSIVE));
            assertThat(acc.latency == null).as("plain at n=%d", n).isEqualTo(n <= 32);
        }
    }

    @Test
    void unknownFormatVersionIsRejected() throws IOException {
        byte[] bytes = serialize(new WindowAccumulator());
        bytes[0] = 99;

        assertThatThrownBy(() -> deserialize(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void snapshotIsCompatibleAsIsWithItself() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<WindowAccumulator> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<WindowAccumulator> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
    }

    @Test
    void aggregateStateUsesThisSerializerNotKryo() {
        TypeInformation<WindowAccumulator> accType =
                TypeExtractor.getAggregateFunctionAccumulatorType(
                        aggregate, CompactEventTypeInfo.INSTANCE, "WindowStatsAggregate", false);

        assertThat(accType).isEqualTo(WindowAccumulatorTypeInfo.INSTANCE);
        assertThat(accType.createSerializer(new SerializerConfigImpl())).isSameAs(serializer);
        assertThat(TypeInformation.of(WindowAccumulator.class))
                .isInstanceOf(WindowAccumulatorTypeInfo.class);
    }
}
