package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Callable;

/** What the notifier ITCases wait for and read: a condition awaited, a receiver's JSON body. */
final class Probes {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    private Probes() {}

    /** The first non-null answer of {@code probe}, asked every 100 ms for up to {@link #WAIT}. */
    static <T> T await(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T v = probe.call();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
