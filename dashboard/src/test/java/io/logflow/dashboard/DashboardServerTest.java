package io.logflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.schema.AlertState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HTTP layer on a real server fed by hand (no Kafka). */
class DashboardServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesApiPageAndChartLibrary() throws Exception {
        try (DashboardServer server = DashboardServer.builder().port(0).build().start()) {
            server.store().upsert(Results.window("pay ments", 0, 100, 0), Instant.now());
            HttpResponse<String> overview = get(server.url() + "/api/overview?range=1h");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/json");
            assertThat(overview.body()).contains("\"service\":\"pay ments\"");
            assertThat(get(server.url() + "/api/services/pay%20ments/top").body())
                    .contains("/api/cart");
            HttpResponse<String> unknown = get(server.url() + "/api/services/nope/series");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("Unknown service 'nope'");
            assertThat(get(server.url() + "/api/alerts").body()).isEqualTo("[]");
            server.alerts().upsert(Results.alert("a1", "pay ments", AlertState.FIRING, 10));
            server.alerts().upsert(Results.alert("a2", "auth", AlertState.FIRING, 10));
            assertThat(get(server.url() + "/api/alerts?service=pay%20ments").body())
                    .startsWith("[{\"alertId\":\"a1\"")
                    .doesNotContain("a2");
            server.patterns().upsert(Results.pattern("pay ments", 0, 1, "boom <*>", 3, 3));
            assertThat(get(server.url() + "/api/services/pay%20ments/top?range=1h").body())
                    .contains("\"errorsFrom\":\"templates\"")
                    .contains("\"item\":\"boom <*>\"");
            assertThat(get(server.url() + "/").statusCode()).isEqualTo(200);
            assertThat(
                            get(server.url() + "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                                    .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void tokenGuardsTheApi() throws Exception {
        try (DashboardServer server =
                DashboardServer.builder().port(0).accessToken("s3cret").build().start()) {
            HttpResponse<String> denied = get(server.url() + "/api/status");
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.body()).contains("access token");
            assertThat(get(server.url() + "/api/status?token=wrong").statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/api/status?token=s3cret").statusCode()).isEqualTo(200);
            HttpResponse<String> bearer =
                    http.send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/api/status"))
                                    .header("Authorization", "Bearer s3cret")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesToExposeDataWithoutAToken() {
        assertThatThrownBy(() -> DashboardServer.builder().host("0.0.0.0").build())
                .hasMessageContaining("access token");
        assertThatThrownBy(() -> DashboardServer.builder().kafkaBootstrap("k:9092").build())
                .hasMessageContaining("schema registry");
    }
}
