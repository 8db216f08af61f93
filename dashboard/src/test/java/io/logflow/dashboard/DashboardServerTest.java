package io.logflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.schema.AlertState;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP layer on a real server fed by hand (no Kafka). */
class DashboardServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String header, String value) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
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
    void metricsAreScrapedWithABearerTokenNeverWithOneInTheUrl() throws Exception {
        try (DashboardServer server =
                DashboardServer.builder().port(0).accessToken("s3cret").build().start()) {
            server.exporter().accept(Results.window("pay ments", 0, 100, 0));
            assertThat(get(server.url() + "/metrics").statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/metrics?token=s3cret").statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/metrics", "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> scraped =
                    get(server.url() + "/metrics", "Authorization", "Bearer s3cret");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/plain; version=0.0.4");
            assertThat(scraped.body())
                    .contains("logflow_events_total{service=\"pay ments\",level=\"ERROR\"} 2\n")
                    .doesNotContain("s3cret");
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
            // The API never takes the token from its URL; the page's /?token= becomes a cookie.
            assertThat(get(server.url() + "/api/status?token=s3cret").statusCode()).isEqualTo(401);
            HttpResponse<String> bearer =
                    get(server.url() + "/api/status", "Authorization", "Bearer s3cret");
            assertThat(bearer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        try (DashboardServer server = DashboardServer.builder().port(0).build().start()) {
            for (String path : List.of("/", "/app.js", "/api/status", "/api/services/x/top")) {
                HttpResponse<String> r = get(server.url() + path);
                assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                        .as(path)
                        .contains("default-src 'none'")
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'");
                assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            }
        }
    }

    @Test
    void aLoopbackDashboardAnswersOnlyToLoopbackNames() throws Exception {
        try (DashboardServer server = DashboardServer.builder().port(0).build().start()) {
            int port = server.port();
            // A page on evil.example that rebinds its name to 127.0.0.1 sends its own name.
            assertThat(rawGet(port, "/api/status", "evil.example:" + port))
                    .startsWith("HTTP/1.1 403")
                    .contains("127.0.0.1 and localhost only, not to 'evil.example'");
            assertThat(rawGet(port, "/", "evil.example")).startsWith("HTTP/1.1 403");
            assertThat(rawGet(port, "/api/status", "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(rawGet(port, "/api/status", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
            assertThat(RequestGuard.hostName("[::1]:8088")).isEqualTo("[::1]");
            assertThat(RequestGuard.hostName("LocalHost")).isEqualTo("localhost");
        }
    }

    @Test
    void theTokenInTheAddressBecomesACookieAndLeavesTheAddress() throws Exception {
        try (DashboardServer server =
                DashboardServer.builder().port(0).accessToken("s3 cret;").build().start()) {
            HttpResponse<String> first = get(server.url() + "/?token=s3%20cret%3B&range=1h");
            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(first.headers().firstValue("Location")).hasValue("/?range=1h");
            String cookie = first.headers().firstValue("Set-Cookie").orElse("");
            assertThat(cookie)
                    .startsWith(RequestGuard.COOKIE + "=s3+cret%3B;")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict");
            String pair = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> withCookie = get(server.url() + "/api/status", "Cookie", pair);
            assertThat(withCookie.statusCode()).isEqualTo(200);
            HttpResponse<String> wrongCookie =
                    get(server.url() + "/api/status", "Cookie", RequestGuard.COOKIE + "=guess");
            assertThat(wrongCookie.statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/?token=wrong").statusCode()).isEqualTo(401);
            // The page itself holds no secret; only the API and the event stream need the token.
            assertThat(get(server.url() + "/").statusCode()).isEqualTo(200);
            assertThat(get(server.url() + "/api/events").statusCode()).isEqualTo(401);
        }
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow. */
    private static String rawGet(int port, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
