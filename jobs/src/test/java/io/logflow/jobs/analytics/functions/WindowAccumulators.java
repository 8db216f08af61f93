package io.logflow.jobs.analytics.functions;

import io.logflow.schema.LogEvent;
import java.util.List;

/** Accumulators of given events, for the window function tests. */
final class WindowAccumulators {

    private WindowAccumulators() {}

    static WindowAccumulator of(List<LogEvent> events) {
        WindowAccumulator acc = new WindowAccumulator();
        events.forEach(acc::add);
        return acc;
    }
}
