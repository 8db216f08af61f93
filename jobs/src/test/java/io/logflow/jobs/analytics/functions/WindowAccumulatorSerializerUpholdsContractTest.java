package io.logflow.jobs.analytics.functions;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.WindowStats;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/** Flink's own serializer contract suite: copies, sequences, snapshots, duplicates in threads. */
class WindowAccumulatorSerializerUpholdsContractTest extends SerializerTestBase<WindowAccumulator> {

    private static final WindowStatsAggregate AGGREGATE = new WindowStatsAggregate();

    WindowAccumulatorSerializerUpholdsContractTest() {
        // The accumulator has no equals; two are equal when they answer every query the same.
        super(
                new DeeplyEqualsChecker()
                        .withCustomCheck(
                                (a, b) ->
                                        a instanceof WindowAccumulator
                                                && b instanceof WindowAccumulator,
                                (a, b, checker) ->
                                        sameAnswers((WindowAccumulator) a, (WindowAccumulator) b)));
    }

    private static boolean sameAnswers(WindowAccumulator a, WindowAccumulator b) {
        // Asked on copies: a KLL sketch caches its sorted view on the first quantile query, and
        // testDuplicate checks the same test data from several threads at once.
        WindowStats left = AGGREGATE.getResult(a.copy());
        WindowStats right = AGGREGATE.getResult(b.copy());
        return Objects.equals(left, right) && a.maxLatency == b.maxLatency;
    }

    @Override
    protected TypeSerializer<WindowAccumulator> createSerializer() {
        return WindowAccumulatorSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<WindowAccumulator> getTypeClass() {
        return WindowAccumulator.class;
    }

    @Override
    protected WindowAccumulator[] getTestData() {
        return new WindowAccumulator[] {
            new WindowAccumulator(),
            WindowAccumulators.of(SampleEvents.varied(1)),
            WindowAccumulators.of(SampleEvents.varied(2_000))
        };
    }
}
