package io.logflow.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class AlertMetricsTest {

    /** Keeps every metric under its key/value path, e.g. {@code kind=SILENCE/state=FIRING/x}. */
    private static final class Recording extends UnregisteredMetricsGroup {
        private final String path;
        private final Map<String, Object> metrics;

        Recording(String path, Map<String, Object> metrics) {
            this.path = path;
            this.metrics = metrics;
        }

        @Override
        public Counter counter(String name) {
            SimpleCounter c = new SimpleCounter();
            metrics.put(path + name, c);
            return c;
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            metrics.put(path + name, gauge);
            return gauge;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new Recording(path + key + "=" + value + "/", metrics);
        }
    }

    private static Alert alert(String id, AlertKind kind, AlertState state) {
        return Alert.newBuilder()
                .setAlertId(id)
                .setKind(kind)
                .setState(state)
                .setService("pay")
                .setWindow("tumbling-1m")
                .setWindowStart(Instant.EPOCH)
                .setWindowEnd(Instant.EPOCH.plusSeconds(60))
                .setEventTime(Instant.EPOCH.plusSeconds(60))
                .setValue(1.0)
                .setBaseline(0.0)
                .setThreshold(0.5)
                .setSummary("s")
                .setEvidence(Map.of())
                .setTopPaths(List.of())
                .setTopErrors(List.of())
                .build();
    }

    @Test
    void countsTransitionsPerKindAndStateAndKeepsTheFiringOnes() {
        Map<String, Object> metrics = new HashMap<>();
        AlertMetrics f = new AlertMetrics();
        f.open(new Recording("", metrics));
        Gauge<?> firing = (Gauge<?>) metrics.get("alertsFiring");

        f.map(alert("a", AlertKind.ERROR_RATE_SPIKE, AlertState.FIRING));
        f.map(alert("b", AlertKind.SILENCE, AlertState.FIRING));
        assertThat(firing.getValue()).isEqualTo(2);
        f.map(alert("a", AlertKind.ERROR_RATE_SPIKE, AlertState.RESOLVED));
        // A RESOLVED of an alert this subtask never saw fire (before a restart) lowers nothing.
        f.map(alert("old", AlertKind.SILENCE, AlertState.RESOLVED));

        assertThat(firing.getValue()).isEqualTo(1);
        assertThat(count(metrics, "kind=ERROR_RATE_SPIKE/state=FIRING/")).isEqualTo(1);
        assertThat(count(metrics, "kind=ERROR_RATE_SPIKE/state=RESOLVED/")).isEqualTo(1);
        assertThat(count(metrics, "kind=SILENCE/state=FIRING/")).isEqualTo(1);
        assertThat(count(metrics, "kind=SILENCE/state=RESOLVED/")).isEqualTo(1);
        assertThat(count(metrics, "kind=LATENCY_REGRESSION/state=FIRING/")).isZero();
    }

    private static long count(Map<String, Object> metrics, String path) {
        return ((Counter) metrics.get(path + "alertTransitions")).getCount();
    }
}
