package io.logflow.bench;

import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * End-to-end latency of the exactly-once job at a fixed rate: the generator paces events at the
 * given rate with event time equal to the wall clock, and a read_committed consumer notes when each
 * on-time window result becomes readable. Latency = readable − (window end + out-of-orderness):
 * what the result costs beyond the wait the window definition itself imposes.
 */
final class LatencyProbe {

    static final String TOPIC = "bench-live";
    static final String SCENARIO = "latency";

    /** The percentiles of one probe, in milliseconds, over {@code results} window results. */
    record Result(
            double rate,
            int results,
            long p50Millis,
            long p99Millis,
            long maxMillis,
            String note) {}

    private record Seen(long readAtMillis, WindowStats stats) {}

    private LatencyProbe() {}

    static Result run(
            BenchStack stack,
            ScenarioRunner runner,
            ScenarioArgs base,
            BenchSettings settings,
            double rate,
            List<String> services)
            throws Exception {
        String output = LogFlowScenario.metricsTopic(SCENARIO);
        stack.createTopics(TOPIC, output);
        ScenarioArgs args =
                base.copy()
                        .with(ScenarioArgs.KIND, "live")
                        .with(ScenarioArgs.SCENARIO, SCENARIO)
                        .with(ScenarioArgs.TOPIC, TOPIC)
                        .with(ScenarioArgs.PARALLELISM, 1)
                        .with(
                                ScenarioArgs.WINDOWS,
                                "tumbling:" + BenchSettings.LATENCY_WINDOW.toSeconds() + "s")
                        .with(
                                ScenarioArgs.CHECKPOINT_INTERVAL,
                                settings.latencyCheckpointInterval());
        Process job = runner.start(args);
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(stack, output, seen, reading), "latency-reader");
        try {
            reader.start();
            long count = (long) (rate * settings.latencyDuration().toSeconds());
            LogGenerator generator = stack.pacedGenerator(TOPIC, rate, count, services);
            long genStart = System.currentTimeMillis();
            BenchStack.checked(generator.run(), TOPIC);
            long genEnd = System.currentTimeMillis();
            long wait =
                    BenchSettings.OUT_OF_ORDERNESS
                            .plus(settings.latencyCheckpointInterval().multipliedBy(2))
                            .plusSeconds(5)
                            .toMillis();
            Thread.sleep(wait);
            reading.set(false);
            reader.join();
            return summarize(rate, seen, genStart, genEnd, settings);
        } finally {
            reading.set(false);
            job.destroy();
            if (!job.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                job.destroyForcibly();
            }
        }
    }

    private static void read(
            BenchStack stack, String topic, List<Seen> seen, AtomicBoolean reading) {
        ConfluentAvroDeserializationSchema<WindowStats> schema =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, topic, stack.registryConfig());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(TopicReader.committedConsumer(stack.bootstrap(), "earliest"))) {
            consumer.subscribe(List.of(topic));
            while (reading.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    seen.add(new Seen(now, schema.deserialize(r.value())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the latency probe's results", e);
        }
    }

    private static Result summarize(
            double rate, List<Seen> seen, long genStart, long genEnd, BenchSettings settings) {
        long ooo = BenchSettings.OUT_OF_ORDERNESS.toMillis();
        List<Long> latencies = new ArrayList<>();
        synchronized (seen) {
            for (Seen s : seen) {
                long start = s.stats().getWindowStart().toEpochMilli();
                long end = s.stats().getWindowEnd().toEpochMilli();
                // Only on-time results of windows the generator filled from start to end.
                if (s.stats().getRevision() == 0 && start >= genStart && end + ooo <= genEnd) {
                    latencies.add(s.readAtMillis() - (end + ooo));
                }
            }
        }
        Collections.sort(latencies);
        String note =
                "windows tumbling "
                        + BenchSettings.LATENCY_WINDOW.toSeconds()
                        + " s, checkpoint interval "
                        + settings.latencyCheckpointInterval().toMillis()
                        + " ms, out-of-orderness "
                        + ooo
                        + " ms, "
                        + settings.latencyDuration().toSeconds()
                        + " s of traffic";
        if (latencies.isEmpty()) {
            return new Result(rate, 0, -1, -1, -1, note + "; no complete window result was read");
        }
        return new Result(
                rate,
                latencies.size(),
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                latencies.get(latencies.size() - 1),
                note);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
