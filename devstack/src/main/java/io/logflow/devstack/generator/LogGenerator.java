package io.logflow.devstack.generator;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.schema.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes realistic log traffic from a {@link TrafficModel} to Kafka as Confluent-framed Avro, keyed
 * by service, rate-limited or as fast as possible, and reports exactly what it sent.
 *
 * <pre>{@code
 * LogGenerator gen = LogGenerator.builder()
 *         .bootstrapServers("localhost:9092")
 *         .registry(RegistryClientConfig.builder("http://localhost:8085").build())
 *         .topic("logs").seed(42).ratePerSecond(2000).count(10_000).malformedShare(0.01)
 *         .build();
 * GeneratorReport report = gen.run();       // or gen.start(); ...; gen.stop();
 * }</pre>
 */
public final class LogGenerator {

    private final String bootstrapServers;
    private final RegistryClientConfig registry;
    private final String topic;
    private final String format;
    private final double ratePerSecond;
    private final long count;
    private final Duration connectTimeout;
    private final Properties producerConfig;
    // Only what the caller set (security, timeouts...): the preflight admin client takes these.
    private final Properties clientOverrides;
    private final TrafficModel model;
    private final RecordMix mix;
    private final GeneratorStats stats;
    private final byte[][] keys;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile GeneratorReport finalReport;
    private volatile RuntimeException failure;

    LogGenerator(LogGeneratorBuilder b, TrafficConfig traffic) {
        this.bootstrapServers = b.bootstrapServers;
        this.registry = b.registry;
        this.topic = b.topic;
        this.format = b.format;
        this.ratePerSecond = b.ratePerSecond;
        this.count = b.count;
        this.connectTimeout = b.connectTimeout;
        this.producerConfig = b.producerConfig();
        this.clientOverrides = (Properties) b.producerProperties.clone();
        this.model = new TrafficModel(traffic);
        this.mix = new RecordMix(traffic.seed(), b.malformedShare, b.v2Share);
        this.stats = new GeneratorStats(traffic.services());
        List<String> services = traffic.services();
        this.keys = new byte[services.size()][];
        for (int s = 0; s < keys.length; s++) {
            keys[s] = services.get(s).getBytes(StandardCharsets.UTF_8);
        }
    }

    public static LogGeneratorBuilder builder() {
        return new LogGeneratorBuilder();
    }

    /**
     * Sends until the count is reached or {@link #stop()} is called, then flushes and returns the
     * report. Runs once per generator.
     *
     * @throws GeneratorException when Kafka or the registry cannot be reached
     */
    public GeneratorReport run() {
        claimRun();
        return execute();
    }

    private void claimRun() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This LogGenerator has already run; build a new one");
        }
    }

    private GeneratorReport execute() {
        try {
            KafkaPreflight.check(bootstrapServers, topic, clientOverrides, connectTimeout);
            RecordEncoder encoder = new RecordEncoder(topic, registry, mix.writesV2(), format);
            encoder.registerSchemas(new TrafficModel(model.config()).next());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
                stats.started();
                sendAll(producer, encoder);
                producer.flush();
            }
            stats.finished();
            finalReport = progress();
            return finalReport;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            finished.countDown();
        }
    }

    private void sendAll(KafkaProducer<byte[], byte[]> producer, RecordEncoder encoder) {
        RatePacer pacer = ratePerSecond > 0 ? new RatePacer(ratePerSecond) : null;
        LogEvent reuse = new LogEvent();
        while (!stopping() && (count == 0 || stats.records() < count)) {
            if (pacer != null && !pacer.acquire(this::stopping)) {
                break;
            }
            LogEvent event = model.next(reuse);
            RecordKind kind = mix.next();
            String region = kind == RecordKind.V2 ? model.lastRegion() : null;
            byte[] value = encoder.encode(kind, event, region);
            int service = model.lastServiceIndex();
            // Asynchronous: the shared callback counts acks and failures off this thread.
            producer.send(new ProducerRecord<>(topic, keys[service], value), stats);
            stats.record(kind, service, event.getLevel(), model.lastWasLate());
        }
    }

    /** Starts {@link #run()} on a background thread; failures surface from {@link #stop()}. */
    public void start() {
        claimRun();
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                execute();
                            } catch (RuntimeException e) {
                                // Kept in 'failure' and rethrown by stop() / awaitCompletion().
                            }
                        },
                        "log-generator");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks a running generator to finish its current record, flush and report. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Requests a stop and waits for the final report. */
    public GeneratorReport stop() {
        requestStop();
        if (!started.get()) {
            return progress();
        }
        return awaitCompletion(Duration.ofDays(1));
    }

    /** Waits for the run to end; the final report, or null if it is still running. */
    public GeneratorReport awaitCompletion(Duration timeout) {
        try {
            if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (failure != null) {
            throw failure;
        }
        return finalReport;
    }

    /** Counts so far; exact once the run has ended. */
    public GeneratorReport progress() {
        return stats.snapshot(model.config().start(), model.clockTime());
    }

    /** The effective configuration, secrets masked, for printing at start. */
    public String describe() {
        return String.format(
                "topic=%s, kafka=%s, registry=%s, rate=%s, count=%s, %s, %s",
                topic,
                bootstrapServers,
                registry,
                ratePerSecond > 0 ? ratePerSecond + "/s" : "unlimited",
                count > 0 ? count : "until stopped",
                mix,
                model.config());
    }

    /** The traffic model, e.g. to trigger incidents at run time. */
    public TrafficModel model() {
        return model;
    }

    private boolean stopping() {
        return stopRequested || Thread.currentThread().isInterrupted();
    }
}
