package io.logflow.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What could not be delivered, one JSON object per line in {@code dead-letters.jsonl}: the time,
 * receiver, alert id and state (or the record's coordinates when it did not decode), the reason and
 * the body that was refused, so an operator can replay it by hand. Each gets one WARN line.
 */
final class DeadLetterLog {

    static final String FILE = "dead-letters.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    DeadLetterLog(Path dir, Clock clock) {
        this.file = dir.resolve(FILE);
        this.clock = clock;
    }

    /** A transition a receiver refused or that retries gave up on. */
    void undeliverable(ReceiverConfig receiver, Notice n, String reason, String body)
            throws IOException {
        ObjectNode o = base();
        o.put("receiver", receiver.name());
        o.put("alertId", n.alert().getAlertId());
        o.put("state", n.alert().getState().name());
        o.put("reason", reason);
        o.put("body", body);
        append(o);
        LOG.warn(
                "Dead-lettered {} {} for receiver {}: {} (see {})",
                n.alert().getState(),
                n.alert().getAlertId(),
                receiver,
                reason,
                file);
    }

    /** A record of the alerts topic that is no alert. */
    void unreadable(String origin, String reason) throws IOException {
        ObjectNode o = base();
        o.put("origin", origin);
        o.put("reason", reason);
        append(o);
        LOG.warn("Dead-lettered unreadable record {}: {} (see {})", origin, reason, file);
    }

    private ObjectNode base() {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", clock.instant().toString());
        return o;
    }

    private void append(ObjectNode o) throws IOException {
        Files.writeString(
                file,
                o.toString() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    Path file() {
        return file;
    }
}
