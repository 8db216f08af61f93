package io.logflow.notifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a body to a receiver until it is accepted: 2xx delivers; 5xx, 408, 429 and connection
 * errors are retried with exponential backoff (capped at {@code max-backoff}) until {@code
 * give-up-after}; any other 4xx is final. Logs name the receiver and its host, never its path,
 * headers or token.
 */
final class HttpSender {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSender.class);
    private static final int MAX_REASON_CHARS = 500;

    /** What became of one body. */
    record Outcome(boolean delivered, int attempts, String reason) {}

    private final HttpClient client;
    private final NotifierConfig.Retry retry;
    private final Object sleeper = new Object();
    private volatile boolean closed;

    HttpSender(NotifierConfig.Retry retry) {
        this.retry = retry;
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(retry.requestTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /**
     * Delivers {@code body}, retrying as the class says; throws {@link InterruptedException} when
     * closed meanwhile, so the caller leaves the record uncommitted.
     */
    Outcome send(ReceiverConfig receiver, URI target, String body) throws InterruptedException {
        long deadline = System.nanoTime() + retry.giveUpAfter().toNanos();
        Duration backoff = retry.initialBackoff();
        int attempts = 0;
        while (true) {
            if (closed) {
                throw new InterruptedException("notifier closing");
            }
            attempts++;
            String failure;
            try {
                HttpResponse<String> r =
                        client.send(
                                request(receiver, target, body),
                                HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome(true, attempts, null);
                }
                failure = "HTTP " + status + responseText(r.body());
                if (status < 500 && status != 408 && status != 429) {
                    return new Outcome(false, attempts, failure);
                }
            } catch (IOException e) {
                failure =
                        e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                return new Outcome(
                        false,
                        attempts,
                        "gave up after "
                                + attempts
                                + " attempts in "
                                + retry.giveUpAfter()
                                + "; last: "
                                + failure);
            }
            LOG.warn(
                    "Receiver {} did not take the alert (attempt {}: {}); retrying in {} ms",
                    receiver,
                    attempts,
                    failure,
                    backoff.toMillis());
            pause(backoff);
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(retry.maxBackoff()) > 0) {
                backoff = retry.maxBackoff();
            }
        }
    }

    /** One attempt, no retry (re-sends: the next one comes soon anyway). */
    boolean sendOnce(ReceiverConfig receiver, URI target, String body) {
        try {
            int status =
                    client.send(
                                    request(receiver, target, body),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
            if (status >= 200 && status < 300) {
                return true;
            }
            LOG.warn("Receiver {} refused a re-send: HTTP {}", receiver, status);
        } catch (IOException e) {
            LOG.warn("Receiver {} unreachable for a re-send: {}", receiver, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private HttpRequest request(ReceiverConfig receiver, URI target, String body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(target)
                        .timeout(retry.requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "logflow-notifier")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        receiver.headers().forEach(b::header);
        if (receiver.bearerToken() != null) {
            b.header("Authorization", "Bearer " + receiver.bearerToken());
        }
        return b.build();
    }

    private static String responseText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String t = body.strip().replaceAll("\\s+", " ");
        return ": "
                + (t.length() > MAX_REASON_CHARS ? t.substring(0, MAX_REASON_CHARS) + "..." : t);
    }

    private void pause(Duration d) throws InterruptedException {
        synchronized (sleeper) {
            if (!closed) {
                sleeper.wait(Math.max(1, d.toMillis()));
            }
        }
    }

    /** Ends any backoff wait at once. */
    void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }
}
