package io.logflow.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import org.junit.jupiter.api.Test;

class WindowAccumulatorSerdeTest {

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();
    private final WindowAccumulatorSerde serde = new WindowAccumulatorSerde();

    @Test
    void aRoundTripKeepsEveryFigureOfTheWindow() {
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(3).build());
        WindowAccumulator acc = aggregate.createAccumulator();
        for (int i = 0; i < 5_000; i++) {
            acc.add(model.next());
        }

        byte[] bytes = serde.serializer().serialize("t", acc);
        WindowAccumulator back = serde.deserializer().deserialize("t", bytes);

        assertThat(aggregate.getResult(back)).isEqualTo(aggregate.getResult(acc));
        assertThat(aggregate.getResult(back).getCount()).isEqualTo(5_000);
    }

    @Test
    void theSerializerReusesItsBufferWithoutLeakingEarlierBytes() {
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(4).build());
        WindowAccumulator big = aggregate.createAccumulator();
        for (int i = 0; i < 2_000; i++) {
            big.add(model.next());
        }
        WindowAccumulator small = aggregate.createAccumulator().add(model.next());
        var serializer = serde.serializer();

        serializer.serialize("t", big);
        byte[] smallBytes = serializer.serialize("t", small);

        assertThat(aggregate.getResult(serde.deserializer().deserialize("t", smallBytes)))
                .isEqualTo(aggregate.getResult(small));
    }

    @Test
    void nullStaysNull() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
