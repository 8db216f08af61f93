package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counts alert transitions ({@code alertTransitions} per {@code kind} and {@code state}) and keeps
 * the {@code alertsFiring} gauge: alerts this subtask saw fire and not yet resolve since it
 * started. The gauge starts at 0 after a restart (alerts firing before it are not known until they
 * resolve); the counters are what to rate over.
 */
public final class AlertMetrics extends RichMapFunction<Alert, Alert> {

    private static final long serialVersionUID = 1L;

    private transient Map<AlertKind, Map<AlertState, Counter>> transitions;
    private transient Set<String> firing;

    @Override
    public void open(OpenContext openContext) {
        open(getRuntimeContext().getMetricGroup());
    }

    void open(MetricGroup metrics) {
        transitions = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            Map<AlertState, Counter> byState = new EnumMap<>(AlertState.class);
            MetricGroup kindGroup = metrics.addGroup("kind", kind.name());
            for (AlertState state : AlertState.values()) {
                byState.put(
                        state,
                        kindGroup.addGroup("state", state.name()).counter("alertTransitions"));
            }
            transitions.put(kind, byState);
        }
        // The reporter reads the size from its own thread.
        firing = ConcurrentHashMap.newKeySet();
        metrics.gauge("alertsFiring", (Gauge<Integer>) firing::size);
    }

    @Override
    public Alert map(Alert alert) {
        transitions.get(alert.getKind()).get(alert.getState()).inc();
        if (alert.getState() == AlertState.FIRING) {
            firing.add(alert.getAlertId());
        } else {
            firing.remove(alert.getAlertId());
        }
        return alert;
    }
}
