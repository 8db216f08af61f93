package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static io.logflow.dashboard.Results.alert;
import static io.logflow.dashboard.Results.pattern;
import static io.logflow.dashboard.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.schema.AlertState;
import io.logflow.schema.LogPattern;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DashboardApiTest {

    private final MetricsStore store = new MetricsStore(Duration.ofHours(6), 1000);
    private final AlertStore alerts = new AlertStore(Duration.ofHours(6), 100);
    private final PatternStore patterns = new PatternStore(Duration.ofHours(6), 1000);
    private final DashboardApi api =
            new DashboardApi(
                    store,
                    alerts,
                    patterns,
                    KafkaStatus.none(),
                    Clock.fixed(T0.plusSeconds(45), ZoneOffset.UTC));

    @Test
    void overviewHasLatestNumbersAndSparklines() {
        store.upsert(window("checkout", 0, 100, 0), T0.plusSeconds(12));
        store.upsert(window("checkout", 10, 200, 0), T0.plusSeconds(22));
        store.upsert(window("auth", 10, 50, 0), T0.plusSeconds(22));
        JsonNode o = api.overview("15m", null);
        assertThat(o.get("window").asText()).isEqualTo("tumbling-10s");
        assertThat(o.get("services")).hasSize(2);
        JsonNode checkout = o.get("services").get(1);
        assertThat(checkout.get("service").asText()).isEqualTo("checkout");
        assertThat(checkout.get("eventsPerSec").asDouble()).isEqualTo(20.0);
        assertThat(checkout.get("errorRate").asDouble()).isEqualTo(0.01);
        assertThat(checkout.get("p95").asDouble()).isEqualTo(30.0);
        assertThat(checkout.get("spark").get("t").get(0).asLong()).isEqualTo(T0.getEpochSecond());
        assertThat(checkout.get("spark").get("eventsPerSec").toString()).isEqualTo("[10.0,20.0]");
        JsonNode status = o.get("status");
        assertThat(status.get("kafka").get("connected").asBoolean()).isFalse();
        assertThat(status.get("latestWindowEnd").asText()).isEqualTo(T0.plusSeconds(20).toString());
        assertThat(status.get("watermarkLagSeconds").asDouble()).isEqualTo(25.0);
    }

    @Test
    void seriesAndTopOfOneService() {
        store.upsert(window("checkout", 0, 100, 0), T0);
        JsonNode s = api.series("checkout", "1h", "tumbling-10s");
        assertThat(s.get("levels").get("ERROR").toString()).isEqualTo("[0.2]");
        assertThat(s.get("rate5xx").toString()).isEqualTo("[0.1]");
        assertThat(s.get("p99").toString()).isEqualTo("[40.0]");
        assertThat(s.get("distinctClients").toString()).isEqualTo("[7.0]");
        JsonNode top = api.top("checkout", null, null);
        assertThat(top.get("topPaths").get(0).get("item").asText()).isEqualTo("/api/cart");
        // Raw text: escaping is the page's job, and it must get the real message.
        assertThat(top.get("topErrors").get(0).get("item").asText())
                .isEqualTo("<script>alert(1)</script>");
        assertThat(api.series("nobody", "1h", null)).isNull();
        assertThat(api.top("nobody", null, null)).isNull();
    }

    @Test
    void alertsAreFiringFirstWithTheirNumbersAndEventTimeDurations() {
        store.upsert(window("checkout", 50, 100, 0), T0);
        alerts.upsert(alert("r", "checkout", AlertState.FIRING, 10));
        alerts.upsert(alert("r", "checkout", AlertState.RESOLVED, 20));
        alerts.upsert(alert("f", "checkout", AlertState.FIRING, 40));
        alerts.upsert(alert("a", "auth", AlertState.FIRING, 30));
        String common =
                "\"kind\":\"ERROR_RATE_SPIKE\",%s\"service\":\"%s\",\"window\":\"tumbling-10s\","
                        + "\"windowStart\":\"%s\",\"windowEnd\":\"%s\",\"value\":0.25,"
                        + "\"baseline\":0.01,\"threshold\":0.05,"
                        + "\"summary\":\"Error rate 25.0 %% vs baseline 1.0 %%\","
                        + "\"evidence\":{\"count\":\"100\",\"errors\":\"25\"},"
                        + "\"topPaths\":[{\"item\":\"/api/cart\",\"count\":80}],"
                        + "\"topErrors\":[{\"item\":\"<b>boom</b>\",\"count\":25}],";
        // Event time has got to the end of the metrics window at +60 s.
        String firing =
                "{\"alertId\":\"f\","
                        + common.formatted(
                                "\"state\":\"FIRING\",",
                                "checkout",
                                "2026-11-26T10:00:30Z",
                                "2026-11-26T10:00:40Z")
                        + "\"since\":\"2026-11-26T10:00:40Z\",\"resolvedAt\":null,"
                        + "\"durationSeconds\":20}";
        String resolved =
                "{\"alertId\":\"r\","
                        + common.formatted(
                                "\"state\":\"RESOLVED\",",
                                "checkout",
                                "2026-11-26T10:00:10Z",
                                "2026-11-26T10:00:20Z")
                        + "\"since\":\"2026-11-26T10:00:10Z\","
                        + "\"resolvedAt\":\"2026-11-26T10:00:20Z\",\"durationSeconds\":10}";
        assertThat(api.alerts("checkout").toString())
                .isEqualTo("[" + firing + "," + resolved + "]");
        assertThat(api.alerts(null))
                .extracting(a -> a.get("alertId").asText())
                .containsExactly("f", "a", "r");
        assertThat(api.alerts("").size()).isEqualTo(3);
        assertThat(api.alerts("nobody").toString()).isEqualTo("[]");
    }

    @Test
    void topErrorsAreTemplatesWhenThereAreAnyElseRawMessages() {
        store.upsert(window("checkout", 50, 100, 0), T0);
        store.upsert(window("auth", 50, 10, 0), T0);
        patterns.upsert(pattern("checkout", 0, 7, "timeout after <*> ms", 10, 4));
        patterns.upsert(pattern("checkout", 50, 7, "timeout after <*> ms", 5, 1));
        patterns.upsert(pattern("checkout", 50, 3, "user <*> logged in", 100, 0));
        LogPattern evil = pattern("checkout", 50, 9, "<script>x</script> <*>", 2, 2);
        evil.setNewError(true);
        patterns.upsert(evil);
        assertThat(api.top("checkout", null, "15m").toString())
                .isEqualTo(
                        "{\"service\":\"checkout\",\"windowStart\":\"2026-11-26T10:00:50Z\","
                            + "\"windowEnd\":\"2026-11-26T10:01:00Z\","
                            + "\"topPaths\":[{\"item\":\"/api/cart\",\"count\":99}],"
                            + "\"errorsFrom\":\"templates\",\"range\":\"15m\",\"topErrors\":[{\"item\":\"timeout"
                            + " after <*>"
                            + " ms\",\"templateId\":7,\"count\":15,\"errorCount\":5,\"example\":\"timeout"
                            + " after 42 ms @50\","
                            + "\"firstSeen\":\"2026-11-26T10:00:00Z\",\"new\":false},{\"item\":\"<script>x</script>"
                            + " <*>\",\"templateId\":9,\"count\":2,\"errorCount\":2,\"example\":\"<script>x</script>"
                            + " 42 @50\",\"firstSeen\":\"2026-11-26T10:00:50Z\",\"new\":true}]}");
        // No templates of auth: the latest window's raw messages.
        assertThat(api.top("auth", null, "15m").toString())
                .isEqualTo(
                        "{\"service\":\"auth\",\"windowStart\":\"2026-11-26T10:00:50Z\","
                                + "\"windowEnd\":\"2026-11-26T10:01:00Z\","
                                + "\"topPaths\":[{\"item\":\"/api/cart\",\"count\":9}],"
                                + "\"errorsFrom\":\"messages\",\"topErrors\":"
                                + "[{\"item\":\"<script>alert(1)</script>\",\"count\":2}]}");
    }

    @Test
    void emptyStoreGivesEmptyAnswers() {
        JsonNode o = api.overview("6h", null);
        assertThat(o.get("services")).isEmpty();
        assertThat(o.get("status").get("lastResultAt").isNull()).isTrue();
        assertThat(o.get("status").get("watermarkLagSeconds").isNull()).isTrue();
        assertThat(DashboardApi.range("bogus").getKey()).isEqualTo("15m");
        assertThat(api.alerts(null).toString()).isEqualTo("[]");
    }

    @Test
    void statusWeighsRecentDeadLettersAgainstTheEventsCounted() {
        Clock clock = Clock.fixed(T0.plusSeconds(45), ZoneOffset.UTC);
        DeadLetterStore dead = new DeadLetterStore(Duration.ofMinutes(5), clock);
        DashboardApi withDead =
                new DashboardApi(store, alerts, patterns, dead, KafkaStatus.none(), clock);
        JsonNode none = withDead.status().get("deadLetters");
        assertThat(none.get("count").asLong()).isZero();
        assertThat(none.get("ratio").isNull()).isTrue();

        store.upsert(window("checkout", 0, 100, 0), T0.plusSeconds(12));
        store.upsert(window("checkout", 10, 200, 0), T0.plusSeconds(22));
        for (int i = 0; i < 75; i++) {
            dead.add(
                    DeadLetterStoreTest.dead(
                            io.logflow.schema.DeadLetterReason.UNKNOWN_SCHEMA,
                            "Unknown schema id 7",
                            T0.plusSeconds(30)));
        }
        JsonNode d = withDead.status().get("deadLetters");
        assertThat(d.get("spanSeconds").asLong()).isEqualTo(300);
        assertThat(d.get("count").asLong()).isEqualTo(75);
        assertThat(d.get("events").asLong()).isEqualTo(300);
        assertThat(d.get("ratio").asDouble()).isEqualTo(75.0 / 375);
        assertThat(d.get("reasons").get(0).get("reason").asText()).isEqualTo("UNKNOWN_SCHEMA");
        assertThat(d.get("reasons").get(0).get("example").asText())
                .isEqualTo("Unknown schema id 7");
        assertThat(withDead.status().get("registry").get("state").asText()).isEqualTo("ok");
    }
}
