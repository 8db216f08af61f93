package io.logflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The parts of Flink's REST API that deploy and upgrade jobs on any Flink 2 cluster: jar upload,
 * jar run (optionally from a savepoint), stop-with-savepoint and job state.
 *
 * <pre>{@code
 * FlinkRest flink = new FlinkRest("http://localhost:8081");
 * String job = flink.run(flink.upload(jar), List.of("analytics", "--…"), 2, null);
 * String savepoint = flink.stopWithSavepoint(job, null, Duration.ofMinutes(2));
 * }</pre>
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the cluster whose REST endpoint (web UI) is {@code baseUrl}. */
    public FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code POST /jars/upload}; returns the jar id the cluster assigned. */
    public String upload(Path jar) throws IOException, InterruptedException {
        String boundary = "logflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--"
                                + boundary
                                + "\r\n"
                                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        String filename = field(send(request, "jar upload"), "filename", "jar upload");
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /**
     * {@code POST /jars/{id}/run} with the jar's own main class; returns the job id. {@code
     * parallelism} and {@code savepoint} may be null (cluster default, fresh state).
     */
    public String run(String jarId, List<String> args, Integer parallelism, String savepoint)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putPOJO("programArgsList", args);
        if (parallelism != null) {
            body.put("parallelism", parallelism);
        }
        if (savepoint != null) {
            body.put("savepointPath", savepoint);
        }
        return field(post("/jars/" + jarId + "/run", body, "jar run"), "jobid", "jar run");
    }

    /**
     * Stops the job with a savepoint (no drain, so open windows stay in the savepoint) and waits
     * for it; returns the savepoint's location. {@code targetDirectory} null means the cluster's
     * {@code execution.checkpointing.savepoint-dir}.
     */
    public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("drain", false);
        if (targetDirectory != null) {
            body.put("targetDirectory", targetDirectory);
        }
        String trigger =
                field(post("/jobs/" + jobId + "/stop", body, "stop"), "request-id", "stop");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode op = status.path("operation");
                if (op.has("location")) {
                    return op.get("location").asText();
                }
                throw new CliException(
                        "Savepoint of job "
                                + jobId
                                + " failed: "
                                + op.path("failure-cause")
                                        .path("stack-trace")
                                        .asText(op.toString())
                                        .lines()
                                        .findFirst()
                                        .orElse(op.toString()));
            }
            Thread.sleep(200);
        }
        throw new CliException("Savepoint of job " + jobId + " not done within " + timeout);
    }

    /** The job's state, e.g. RUNNING or FINISHED. */
    public String state(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** GET on the API as parsed JSON; errors carry the cluster's own message. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                "GET " + path);
    }

    private JsonNode post(String path, JsonNode body, String what)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                what);
    }

    private JsonNode send(HttpRequest request, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new CliException("No Flink cluster answers on " + baseUrl + " (" + what + ")");
        }
        JsonNode json = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
            // Flink answers {"errors": [...]}, the first line of which says what went wrong.
            String error =
                    json.path("errors").isArray() && json.path("errors").size() > 0
                            ? json.path("errors").get(json.path("errors").size() - 1).asText()
                            : r.body();
            throw new CliException(
                    "Flink " + what + " failed (HTTP " + r.statusCode() + "): " + cause(error));
        }
        return json;
    }

    /**
     * The innermost cause's message of a Java stack trace as Flink returns it, e.g. the job's own
     * "Unknown option" rather than "Could not execute application".
     */
    static String cause(String error) {
        String line =
                error.lines()
                        .filter(l -> l.startsWith("Caused by: "))
                        .reduce((first, last) -> last)
                        .map(l -> l.substring("Caused by: ".length()))
                        .orElse(error.lines().findFirst().orElse(""));
        // "some.pkg.SomeException: message" -> "message"
        return line.replaceFirst("^[\\w.$]+(Exception|Error): ", "").trim();
    }

    private static String field(JsonNode json, String name, String what) {
        if (!json.hasNonNull(name)) {
            throw new CliException("Flink " + what + " answered without '" + name + "': " + json);
        }
        return json.get(name).asText();
    }
}
