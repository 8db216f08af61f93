package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logflow.schema.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The alerts firing now, by id, with when each started: what Alertmanager is re-sent, and where a
 * RESOLVED finds its {@code startsAt}. Written whole to {@code firing.json} (replaced atomically)
 * on every change, before offsets are committed, so a restarted notifier re-sends the same set.
 */
final class FiringAlerts {

    static final String FILE = "firing.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A firing alert: the FIRING record and when it started. */
    record Firing(Alert alert, Instant startsAt) {}

    private final Path file;
    private final Map<String, Firing> byId = new LinkedHashMap<>();

    FiringAlerts(Path dir) throws IOException {
        this.file = dir.resolve(FILE);
        if (Files.exists(file)) {
            JsonNode all = JSON.readTree(Files.readString(file));
            SpecificDatumReader<Alert> reader = new SpecificDatumReader<>(Alert.class);
            for (JsonNode n : all) {
                Alert a =
                        reader.read(
                                null,
                                DecoderFactory.get()
                                        .jsonDecoder(
                                                Alert.getClassSchema(), n.get("alert").asText()));
                byId.put(a.getAlertId(), new Firing(a, Instant.parse(n.get("startsAt").asText())));
            }
        }
    }

    /** When {@code alertId} started firing; null if it is not firing. */
    synchronized Instant startedAt(String alertId) {
        Firing f = byId.get(alertId);
        return f == null ? null : f.startsAt();
    }

    /** Records the transition; returns whether the set changed (and was written). */
    synchronized boolean apply(Alert alert, Instant startsAt) throws IOException {
        boolean changed;
        if (alert.getState() == io.logflow.schema.AlertState.FIRING) {
            // A repeated FIRING (a replay) keeps the first one's start.
            changed = byId.putIfAbsent(alert.getAlertId(), new Firing(alert, startsAt)) == null;
        } else {
            changed = byId.remove(alert.getAlertId()) != null;
        }
        if (changed) {
            write();
        }
        return changed;
    }

    synchronized List<Firing> snapshot() {
        return new ArrayList<>(byId.values());
    }

    private void write() throws IOException {
        ArrayNode all = JSON.createArrayNode();
        SpecificDatumWriter<Alert> writer = new SpecificDatumWriter<>(Alert.class);
        for (Firing f : byId.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonEncoder enc = EncoderFactory.get().jsonEncoder(Alert.getClassSchema(), bytes);
            writer.write(f.alert(), enc);
            enc.flush();
            all.addObject()
                    .put("startsAt", f.startsAt().toString())
                    .put("alert", bytes.toString(StandardCharsets.UTF_8));
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, all.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
