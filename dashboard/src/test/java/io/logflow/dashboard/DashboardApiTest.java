package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static io.logflow.dashboard.Results.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DashboardApiTest {

    private final MetricsStore store = new MetricsStore(Duration.ofHours(6), 1000);
    private final DashboardApi api =
            new DashboardApi(
                    store, KafkaStatus.none(), Clock.fixed(T0.plusSeconds(45), ZoneOffset.UTC));

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
        JsonNode top = api.top("checkout", null);
        assertThat(top.get("topPaths").get(0).get("item").asText()).isEqualTo("/api/cart");
        // Raw text: escaping is the page's job, and it must get the real message.
        assertThat(top.get("topErrors").get(0).get("item").asText())
                .isEqualTo("<script>alert(1)</script>");
        assertThat(api.series("nobody", "1h", null)).isNull();
        assertThat(api.top("nobody", null)).isNull();
    }

    @Test
    void emptyStoreGivesEmptyAnswers() {
        JsonNode o = api.overview("6h", null);
        assertThat(o.get("services")).isEmpty();
        assertThat(o.get("status").get("lastResultAt").isNull()).isTrue();
        assertThat(o.get("status").get("watermarkLagSeconds").isNull()).isTrue();
        assertThat(DashboardApi.range("bogus").getKey()).isEqualTo("15m");
    }
}
