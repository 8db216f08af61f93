package io.logflow.jobs.analytics.functions;

import io.logflow.schema.WindowStats;
import java.time.Instant;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Stamps a window's aggregate with its service, window name, bounds and revision: 0 for the on-time
 * firing, then 1, 2, ... for each late update, so consumers can upsert on (service, window, start)
 * and keep the highest revision.
 */
public final class WindowResultFunction
        extends ProcessWindowFunction<WindowStats, WindowStats, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private static final ValueStateDescriptor<Integer> REVISION =
            new ValueStateDescriptor<>("revision", Integer.class);

    private final String windowName;

    public WindowResultFunction(String windowName) {
        this.windowName = windowName;
    }

    @Override
    public void process(
            String service,
            Context ctx,
            Iterable<WindowStats> aggregates,
            Collector<WindowStats> out)
            throws Exception {
        ValueState<Integer> revision = ctx.windowState().getState(REVISION);
        int next = revision.value() == null ? 0 : revision.value() + 1;
        revision.update(next);
        WindowStats stats = aggregates.iterator().next();
        stats.setService(service);
        stats.setWindow(windowName);
        stats.setWindowStart(Instant.ofEpochMilli(ctx.window().getStart()));
        stats.setWindowEnd(Instant.ofEpochMilli(ctx.window().getEnd()));
        stats.setRevision(next);
        stats.setEmittedAt(Instant.now());
        out.collect(stats);
    }

    @Override
    public void clear(Context ctx) {
        ctx.windowState().getState(REVISION).clear();
    }
}
