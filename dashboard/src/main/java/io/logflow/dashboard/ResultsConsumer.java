package io.logflow.dashboard;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.schema.WindowStats;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed window results (read_committed, so aborted transactions never show) from a
 * look-back point onwards into the {@link MetricsStore}, and keeps track of whether Kafka can be
 * reached.
 */
final class ResultsConsumer implements KafkaStatus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsConsumer.class);
    private static final Duration PROBE = Duration.ofSeconds(3);

    private final String bootstrap;
    private final String topic;
    private final RegistryClientConfig registry;
    private final Duration lookback;
    private final MetricsStore store;
    private final Consumer<WindowStats> onUpdate;
    private final Consumer<KafkaStatus> onStatus;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile String error = "Connecting to Kafka...";
    private volatile boolean answered;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    ResultsConsumer(
            String bootstrap,
            String topic,
            RegistryClientConfig registry,
            Duration lookback,
            MetricsStore store,
            Consumer<WindowStats> onUpdate,
            Consumer<KafkaStatus> onStatus,
            Clock clock) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.registry = registry;
        this.lookback = lookback;
        this.store = store;
        this.onUpdate = onUpdate;
        this.onStatus = onStatus;
        this.clock = clock;
        this.thread = new Thread(this::run, "dashboard-results-consumer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        ConfluentAvroDeserializationSchema<WindowStats> reader =
                ConfluentAvroSerdes.valueDeserializer(WindowStats.class, topic, registry);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            this.consumer = consumer;
            List<TopicPartition> partitions = awaitPartitions(consumer);
            if (partitions == null) {
                return;
            }
            consumer.assign(partitions);
            seekToLookback(consumer, partitions);
            long nextProbe = 0;
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    accept(reader, r);
                }
                if (System.nanoTime() > nextProbe) {
                    probe(consumer);
                    nextProbe = System.nanoTime() + PROBE.toNanos() * 2;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException
                | org.apache.kafka.common.errors.InterruptException e) {
            // Closing.
        } catch (RuntimeException e) {
            LOG.error("Dashboard consumer stopped", e);
            setStatus(false, "Dashboard consumer stopped: " + e.getMessage());
        }
    }

    private void accept(
            ConfluentAvroDeserializationSchema<WindowStats> reader,
            ConsumerRecord<byte[], byte[]> r) {
        try {
            WindowStats stats = reader.deserialize(r.value());
            if (stats != null && store.upsert(stats, clock.instant())) {
                onUpdate.accept(stats);
            }
        } catch (Exception e) {
            // One bad result must not blind the dashboard to the rest.
            LOG.warn(
                    "Skipping unreadable result at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> consumer) {
        while (running) {
            try {
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(PROBE);
                List<PartitionInfo> infos = topics.get(topic);
                if (infos != null && !infos.isEmpty()) {
                    setStatus(true, null);
                    return infos.stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
                }
                setStatus(true, "Topic '" + topic + "' does not exist yet; waiting for the job");
            } catch (org.apache.kafka.common.errors.WakeupException
                    | org.apache.kafka.common.errors.InterruptException e) {
                return null;
            } catch (RuntimeException e) {
                setStatus(false, unreachable(e));
            }
            sleep(PROBE.toMillis());
        }
        return null;
    }

    private void seekToLookback(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        long since = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp o = offsets.get(p);
            if (o != null) {
                consumer.seek(p, o.offset());
            } else {
                consumer.seekToEnd(List.of(p));
            }
        }
    }

    private void probe(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            consumer.listTopics(PROBE);
            setStatus(true, null);
        } catch (org.apache.kafka.common.errors.WakeupException
                | org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            setStatus(false, unreachable(e));
        }
    }

    private String unreachable(RuntimeException e) {
        return "Cannot reach Kafka at "
                + bootstrap
                + ": "
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private void setStatus(boolean nowConnected, String nowError) {
        answered = true;
        boolean changed = connected != nowConnected || !java.util.Objects.equals(error, nowError);
        connected = nowConnected;
        error = nowError;
        if (changed) {
            onStatus.accept(this);
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "logflow-dashboard-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        return props;
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public String state() {
        return !answered ? "connecting" : connected ? "connected" : "down";
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            // wakeup() is the one consumer call that is safe from another thread; an interrupt
            // would make close() log an error.
            c.wakeup();
        }
        thread.join(5000);
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
