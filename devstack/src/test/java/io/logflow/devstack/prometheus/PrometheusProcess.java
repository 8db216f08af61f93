package io.logflow.devstack.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, {@code /usr/bin/prometheus}) as a
 * child process on a free loopback port, with its own configuration and TSDB in {@code dir}; for
 * tests that check what a real scraper sees. Queries go through its HTTP API.
 *
 * <pre>{@code
 * try (PrometheusProcess prom = PrometheusProcess.start(dir, scrapeConfigs)) {
 *     double n = prom.query("sum(logflow_events_total)");
 * }
 * }</pre>
 */
public final class PrometheusProcess implements AutoCloseable {

    /** Where Debian's package installs it. */
    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final String url;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Whether the binary is installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts Prometheus with a 1 s scrape and evaluation interval and {@code scrapeConfigs} (the
     * YAML list items under {@code scrape_configs:}, indented by two spaces), and waits for {@code
     * /-/ready}.
     */
    public static PrometheusProcess start(Path dir, String scrapeConfigs) throws Exception {
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "global:",
                        "  scrape_interval: 1s",
                        "  scrape_timeout: 1s",
                        "  evaluation_interval: 1s",
                        "scrape_configs:",
                        scrapeConfigs,
                        ""));
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process p =
                new ProcessBuilder(
                                List.of(
                                        BINARY.toString(),
                                        "--config.file=" + config,
                                        "--storage.tsdb.path=" + dir.resolve("tsdb"),
                                        "--web.listen-address=127.0.0.1:" + port,
                                        "--log.level=warn"))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        PrometheusProcess prom = new PrometheusProcess(p, "http://127.0.0.1:" + port, log);
        try {
            prom.awaitReady();
        } catch (Exception e) {
            prom.close();
            throw e;
        }
        return prom;
    }

    /** The server's address, e.g. http://127.0.0.1:41234. */
    public String url() {
        return url;
    }

    /**
     * The value of an instant PromQL query that yields one sample (e.g. a {@code sum(..)}), NaN
     * when it yields none.
     */
    public double query(String promql) throws Exception {
        JsonNode result = queryResult(promql);
        if (result.isEmpty()) {
            return Double.NaN;
        }
        if (result.size() > 1) {
            throw new IllegalStateException(
                    "Query " + promql + " gave " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).get("value").get(1).asText());
    }

    /** The {@code data.result} of an instant query: one entry per series. */
    public JsonNode queryResult(String promql) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                url
                                                        + "/api/v1/query?query="
                                                        + URLEncoder.encode(
                                                                promql, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Query " + promql + " failed: " + r.body());
        }
        return body.path("data").path("result");
    }

    /** Each scrape target's job, instance, health and last error, for failure messages. */
    public String targets() throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v1/targets")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Prometheus exited with " + process.exitValue() + ": " + logText());
            }
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "Prometheus was not ready within " + READY_TIMEOUT + ": " + logText());
    }

    private String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
