package io.logflow.notifier;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real {@code prometheus-alertmanager}, started on a free loopback port with its own
 * config and storage in a temp dir, clustering off. Absent binary: the test is skipped with the
 * reason, or fails when {@code CI=true} ({@code bin/run-tests} installs it).
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String url;
    private final Path log;

    private AlertmanagerProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static AlertmanagerProcess start(Path dir) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            String reason = BINARY + " not installed (apt-get install prometheus-alertmanager)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        Files.createDirectories(dir);
        Path config = dir.resolve("alertmanager.yml");
        // One receiver that sends nothing: the test reads what Alertmanager holds, via its API.
        Files.writeString(
                config,
                "route:\n"
                        + "  receiver: blackhole\n"
                        + "  group_wait: 1s\n"
                        + "receivers:\n"
                        + "  - name: blackhole\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("alertmanager.log");
        Process p =
                new ProcessBuilder(
                                List.of(
                                        BINARY.toString(),
                                        "--config.file=" + config,
                                        "--storage.path=" + dir.resolve("data"),
                                        "--web.listen-address=127.0.0.1:" + port,
                                        "--cluster.listen-address="))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, "http://127.0.0.1:" + port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("Alertmanager exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(am.url + "/-/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return am;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        am.close();
        throw new IllegalStateException("Alertmanager not ready in 20 s: " + Files.readString(log));
    }

    String url() {
        return url;
    }

    /** {@code GET /api/v2/alerts}: the alerts Alertmanager holds as not resolved. */
    JsonNode alerts() throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts")).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v2/alerts: HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /** The alert with label {@code logflow_alert_id = id}, or null. */
    JsonNode alert(String id) throws Exception {
        for (JsonNode a : alerts()) {
            if (id.equals(a.path("labels").path("logflow_alert_id").asText())) {
                return a;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
