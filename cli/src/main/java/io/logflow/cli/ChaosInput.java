package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.LogEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The chaos run's input: events at a steady rate into {@code logs}, round-robin over its two
 * partitions in event-time order, with the count each service and one-minute window must end up
 * with. The producer is idempotent and waits out a broker restart, so every event is acknowledged
 * exactly once or reported as failed.
 */
final class ChaosInput {

    /** Event time of event 0; event {@code i} is {@code i * STEP_MILLIS} later. */
    static final Instant BASE = Instant.parse("2026-11-26T08:00:00Z");

    /** 10,000 events per minute of event time: each window holds a few thousand per service. */
    static final long STEP_MILLIS = 6;

    static final int PARTITIONS = 2;

    private final String bootstrap;
    private final RegistryClientConfig registry;
    private final Map<String, Long> expected = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    ChaosInput(String bootstrap, RegistryClientConfig registry) {
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    /**
     * Sends {@code events} at {@code perSecond}, then one closing event per partition an hour of
     * event time later so that every window of the run closes; returns once all are acknowledged or
     * failed.
     */
    void produce(long events, int perSecond) throws InterruptedException {
        var serializer =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, Defaults.TOPIC_LOGS, registry);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            long start = System.nanoTime();
            for (long i = 0; i < events; i++) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                LogEvent e = SampleEvents.event((int) i, BASE);
                e.setTimestamp(BASE.plusMillis(STEP_MILLIS * i));
                expected.merge(key(e.getService(), e.getTimestamp()), 1L, Long::sum);
                send(producer, (int) (i % PARTITIONS), serializer.serialize(e));
            }
            Instant closing = BASE.plusMillis(STEP_MILLIS * events).plusSeconds(3600);
            for (int p = 0; p < PARTITIONS; p++) {
                LogEvent e = SampleEvents.event(p, BASE);
                e.setTimestamp(closing);
                send(producer, p, serializer.serialize(e));
            }
            producer.flush();
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, int partition, byte[] value) {
        sent.incrementAndGet();
        producer.send(
                new ProducerRecord<>(Defaults.TOPIC_LOGS, partition, null, value),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A broker restart takes seconds; the producer keeps each batch until it is back.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** Events handed to the producer so far, the closing events included. */
    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    /** service@windowStart → events, for the events produced (closing events excluded). */
    Map<String, Long> expected() {
        return expected;
    }

    static String key(String service, Instant time) {
        return service + "@" + Instant.ofEpochMilli(time.toEpochMilli() / 60_000 * 60_000);
    }
}
