package io.logflow.jobs.analytics.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Counts what passes in a Flink metric, e.g. late events on their way to their topic. */
public final class CountingMap<T> extends RichMapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    private final String metricName;
    private transient Counter counter;

    public CountingMap(String metricName) {
        this.metricName = metricName;
    }

    @Override
    public void open(OpenContext openContext) {
        counter = getRuntimeContext().getMetricGroup().counter(metricName);
    }

    @Override
    public T map(T value) {
        counter.inc();
        return value;
    }
}
