package io.logflow.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver in the test: a JDK HTTP server on loopback that answers the scripted statuses
 * first (then {@code thenStatus}), counts every attempt and keeps the bodies it accepted.
 */
final class RecordingReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String body, String authorization, String team) {}

    private final HttpServer server;
    private final Deque<Integer> script;
    private volatile int thenStatus;
    private final String refusal;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Request> accepted = new ArrayList<>();

    RecordingReceiver(List<Integer> first, int thenStatus, String refusal) throws IOException {
        this.script = new ArrayDeque<>(first);
        this.thenStatus = thenStatus;
        this.refusal = refusal;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    /** Accepts everything. */
    RecordingReceiver() throws IOException {
        this(List.of(), 200, "");
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        attempts.incrementAndGet();
        int status;
        synchronized (this) {
            status = script.isEmpty() ? thenStatus : script.poll();
            if (status == 200) {
                accepted.add(
                        new Request(
                                new String(body, StandardCharsets.UTF_8),
                                ex.getRequestHeaders().getFirst("Authorization"),
                                ex.getRequestHeaders().getFirst("X-Team")));
            }
        }
        byte[] answer = (status == 200 ? "ok" : refusal).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }

    /** What every request gets once the script is used up, from now on. */
    void answerFromNowOn(int status) {
        thenStatus = status;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/secret-path";
    }

    int attempts() {
        return attempts.get();
    }

    synchronized List<Request> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
