package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.RouteLatency;
import io.logflow.schema.WindowStats;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RouteLatencyDetectorTest {

    private static final String HOME = "/api/v1/home";

    /** gateway's /api/v1/home: K = 2 slow windows, severity critical; others: the defaults. */
    private static AlertRules rules() {
        AlertSettings defaults = settings().build();
        AlertSettings home = settings().latencyWindows(2).build();
        return new AlertRules(
                defaults,
                List.of(
                        new AlertRule(
                                Pattern.compile("gateway"),
                                AlertKind.LATENCY_REGRESSION,
                                HOME,
                                "critical",
                                home)));
    }

    private static WindowStats withHome(WindowStats stats, long requests, Double p99) {
        WindowStats copy = WindowStats.newBuilder(stats).build();
        LatencySummary latency =
                p99 == null ? null : new LatencySummary(p99 / 4, p99 / 2, p99 / 1.5, p99, p99 * 2);
        copy.setRoutes(List.of(new RouteLatency(HOME, requests, latency)));
        return copy;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> harness()
            throws Exception {
        return Windows.harness(new RouteLatencyDetector(rules()), WindowStats::getService);
    }

    @Test
    void aRouteSlowerThanItsOwnBaselineFiresWhileTheServiceP99StaysPut() throws Exception {
        try (var h = harness()) {
            double[] p99 = {20, 22, 18, 21, 19};
            for (int n = 0; n < p99.length; n++) {
                send(h, withHome(window("gateway", n, 1000, 0.01, 400.0), 300, p99[n]));
            }
            send(h, withHome(window("gateway", 5, 1000, 0.01, 400.0), 300, 120.0));
            send(h, withHome(window("gateway", 6, 1000, 0.20, 400.0), 300, 130.0)); // error spike
            send(h, withHome(window("gateway", 7, 1000, 0.01, 400.0), 50, 130.0)); // too few
            assertThat(h.extractOutputValues()).as("one slow window is not two").isEmpty();
            send(h, withHome(window("gateway", 8, 1000, 0.01, 400.0), 300, 125.0));
            send(h, withHome(window("gateway", 9, 1000, 0.01, 400.0), 300, 130.0));
            send(h, withHome(window("gateway", 10, 1000, 0.01, 400.0), 300, 20.0));
            send(h, withHome(window("gateway", 11, 1000, 0.01, 400.0), 300, 21.0));

            List<Alert> alerts = h.extractOutputValues();
            assertThat(alerts).hasSize(2);
            Alert firing = alerts.get(0);
            assertThat(firing.getAlertId())
                    .isEqualTo("gateway|LATENCY_REGRESSION /api/v1/home|" + at(9));
            assertThat(firing.getKind()).isEqualTo(AlertKind.LATENCY_REGRESSION);
            assertThat(firing.getState()).isEqualTo(AlertState.FIRING);
            assertThat(firing.getValue()).isEqualTo(130.0);
            assertThat(firing.getBaseline()).isEqualTo(20.0);
            assertThat(firing.getThreshold()).isEqualTo(40.0); // 2 x median
            assertThat(firing.getEvidence())
                    .containsEntry("route", HOME)
                    .containsEntry("routeHttpCount", "300")
                    .containsEntry("routeP99", "130.0")
                    .containsEntry("p99", "400.0");
            assertThat(firing.getSummary())
                    .isEqualTo("p99 latency of /api/v1/home 130 ms is above 40 ms for 2 window(s)");
            Alert resolved = alerts.get(1);
            assertThat(resolved.getAlertId()).isEqualTo(firing.getAlertId());
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getWindowStart())
                    .isEqualTo(firing.getWindowStart().plusSeconds(20));

            Alert stamped = new AlertSeverity(rules()).map(Alert.newBuilder(firing).build());
            assertThat(stamped.getEvidence()).containsEntry("severity", "critical");

            h.processWatermark(12 * STEP + TTL.toMillis() + TTL.toMillis() / 8);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aRouteFiringWhenItsServiceGoesQuietResolvesAsExpired() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 5; n++) {
                send(h, withHome(window("gateway", n, 1000, 0.01, 400.0), 300, 20.0));
            }
            send(h, withHome(window("gateway", 5, 1000, 0.01, 400.0), 300, 200.0));
            send(h, withHome(window("gateway", 6, 1000, 0.01, 400.0), 300, 200.0));
            assertThat(h.extractOutputValues()).hasSize(1);

            h.processWatermark(7 * STEP + TTL.toMillis() + TTL.toMillis() / 8);

            assertThat(h.extractOutputValues()).hasSize(2);
            Alert expired = h.extractOutputValues().get(1);
            assertThat(expired.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(expired.getEvidence())
                    .containsEntry("reason", "expired")
                    .containsEntry("route", HOME);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void servicesWithoutRoutesAndRoutesNoRuleNamesAreNotJudged() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 10; n++) {
                send(h, window("search", n, 1000, 0.01, n < 6 ? 20.0 : 500.0));
                WindowStats other = withHome(window("gateway", n, 1000, 0.01, 400.0), 300, 20.0);
                other.setRoutes(
                        List.of(
                                new RouteLatency(
                                        "/old",
                                        300L,
                                        new LatencySummary(
                                                1.0, 1.0, 1.0, n < 6 ? 1.0 : 900, 1.0))));
                send(h, other);
            }
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }
}
