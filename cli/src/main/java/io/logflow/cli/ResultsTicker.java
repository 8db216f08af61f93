package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.schema.Alert;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Prints one line per window as its results are committed, so the demo's terminal shows the
 * pipeline working: events, error rate, the slowest service's p95 and late updates; and one line
 * per alert as it fires or resolves.
 */
final class ResultsTicker implements AutoCloseable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Thread thread;
    private volatile boolean running = true;

    private ResultsTicker(String bootstrap, String registryUrl, Console out) {
        this.thread = new Thread(() -> loop(bootstrap, registryUrl, out), "results-ticker");
        thread.setDaemon(true);
    }

    static ResultsTicker start(String bootstrap, String registryUrl, Console out) {
        ResultsTicker ticker = new ResultsTicker(bootstrap, registryUrl, out);
        ticker.thread.start();
        return ticker;
    }

    private void loop(String bootstrap, String registryUrl, Console out) {
        // Only what is committed from now on: the demo shows live windows, not history.
        Properties props = TopicReader.committedConsumer(bootstrap, "latest");
        RegistryClientConfig registry = RegistryClientConfig.builder(registryUrl).build();
        ConfluentAvroDeserializationSchema<WindowStats> reader =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, Defaults.TOPIC_METRICS, registry);
        ConfluentAvroDeserializationSchema<Alert> alerts =
                ConfluentAvroSerdes.valueDeserializer(Alert.class, Defaults.TOPIC_ALERTS, registry);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Defaults.TOPIC_METRICS, Defaults.TOPIC_ALERTS));
            // Parallel window operators commit a window's services in separate batches: hold a
            // window until a later one shows up or it has been quiet for a moment.
            TreeMap<Long, List<WindowStats>> pending = new TreeMap<>();
            long lastArrival = System.nanoTime();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.topic().equals(Defaults.TOPIC_ALERTS)) {
                        out.line(alert(alerts.deserialize(r.value())));
                        continue;
                    }
                    WindowStats w = reader.deserialize(r.value());
                    pending.computeIfAbsent(
                                    w.getWindowStart().toEpochMilli(), k -> new ArrayList<>())
                            .add(w);
                    lastArrival = System.nanoTime();
                }
                boolean quiet = System.nanoTime() - lastArrival > 2_000_000_000L;
                while (!pending.isEmpty() && (pending.size() > 1 || quiet)) {
                    out.line(summary(pending.pollFirstEntry().getValue()));
                }
            }
        } catch (Exception e) {
            if (running) {
                out.line("(results display stopped: " + e.getMessage() + ")");
            }
        }
    }

    static String summary(List<WindowStats> windows) {
        long events = 0;
        long errors = 0;
        int updates = 0;
        WindowStats slowest = null;
        for (WindowStats w : windows) {
            events += w.getCount();
            errors += Math.round(w.getErrorRate() * w.getCount());
            updates += w.getRevision() > 0 ? 1 : 0;
            if (w.getLatency() != null
                    && (slowest == null
                            || w.getLatency().getP95() > slowest.getLatency().getP95())) {
                slowest = w;
            }
        }
        WindowStats first = windows.get(0);
        return String.format(
                "%s-%s  %-13s %3d services %7d events  errors %5.2f%%%s%s",
                TIME.format(first.getWindowStart()),
                TIME.format(first.getWindowEnd()),
                first.getWindow(),
                windows.size(),
                events,
                events == 0 ? 0.0 : 100.0 * errors / events,
                slowest == null
                        ? ""
                        : String.format(
                                "  slowest p95 %.0f ms (%s)",
                                slowest.getLatency().getP95(), slowest.getService()),
                updates > 0
                        ? "  (" + updates + " late update" + (updates > 1 ? "s" : "") + ")"
                        : "");
    }

    static String alert(Alert a) {
        return String.format(
                "%s  ALERT %-8s %-12s %s",
                TIME.format(a.getEventTime()), a.getState(), a.getService(), a.getSummary());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
