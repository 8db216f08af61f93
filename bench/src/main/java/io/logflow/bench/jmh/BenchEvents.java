package io.logflow.bench.jmh;

import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.schema.LogEvent;

/** Realistic events for the microbenchmarks, from the generator's traffic model. */
final class BenchEvents {

    /** Enough distinct events that branch predictors cannot learn one. */
    static final int COUNT = 4096;

    private BenchEvents() {}

    static LogEvent[] sample(int count, long seed) {
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(seed).build());
        LogEvent[] events = new LogEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = model.next();
        }
        return events;
    }

    /** {@code e} as the ECS JSON line the generator writes for it: every field of the event. */
    static byte[] ecsJson(LogEvent e) {
        return io.logflow.devstack.generator.LineRenderer.render("json", e);
    }
}
