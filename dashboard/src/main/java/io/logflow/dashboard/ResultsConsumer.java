package io.logflow.dashboard;

import io.logflow.connectors.Secrets;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed records (read_committed, so aborted transactions never show) of one or more
 * {@link Feed}s from a look-back point onwards, with one Kafka consumer, and keeps track of whether
 * Kafka can be reached. The first feed is the primary one the status reports on; a topic that does
 * not exist yet is picked up once it appears, without holding up the others.
 */
final class ResultsConsumer implements KafkaStatus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsConsumer.class);
    private static final Duration PROBE = Duration.ofSeconds(3);
    private static final Duration MIN_REGISTRY_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_REGISTRY_BACKOFF = Duration.ofSeconds(10);

    private final String bootstrap;
    private final List<Feed<?>> feeds;
    private final RegistryClientConfig registry;
    private final Duration lookback;
    private final Consumer<KafkaStatus> onStatus;
    private final Clock clock;
    private final Thread thread;
    private final Map<String, Reader<?>> readers = new HashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile String error = "Connecting to Kafka...";
    private volatile boolean answered;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile String registryError;
    private Duration registryBackoff = MIN_REGISTRY_BACKOFF;

    ResultsConsumer(
            String bootstrap,
            List<Feed<?>> feeds,
            RegistryClientConfig registry,
            Duration lookback,
            Consumer<KafkaStatus> onStatus,
            Clock clock) {
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("The dashboard consumer needs at least one topic");
        }
        this.bootstrap = bootstrap;
        this.feeds = List.copyOf(feeds);
        this.registry = registry;
        this.lookback = lookback;
        this.onStatus = onStatus;
        this.clock = clock;
        this.thread = new Thread(this::run, "dashboard-results-consumer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        feeds.forEach(f -> readers.put(f.topic(), new Reader<>(f, registry)));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            this.consumer = consumer;
            long nextProbe = 0;
            while (running) {
                if (System.nanoTime() > nextProbe) {
                    boolean complete = probe(consumer);
                    // Look for missing topics as often as the first wait did; then less often.
                    nextProbe = System.nanoTime() + PROBE.toNanos() * (complete ? 2 : 1);
                }
                if (assigned.isEmpty()) {
                    sleep(PROBE.toMillis());
                    continue;
                }
                Set<Reader<?>> changed = new HashSet<>();
                boolean held = read(consumer, consumer.poll(Duration.ofMillis(500)), changed);
                changed.forEach(Reader::afterChanges);
                if (held) {
                    sleep(registryBackoff.toMillis());
                    registryBackoff = min(registryBackoff.multipliedBy(2), MAX_REGISTRY_BACKOFF);
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

    /**
     * Hands each record to its feed. When the registry cannot be reached, that record and every
     * later one of this poll are sought back to, to be read again after a pause: skipping them
     * would leave holes in the charts that nothing fills. Returns whether records were held.
     */
    private boolean read(
            KafkaConsumer<byte[], byte[]> consumer,
            ConsumerRecords<byte[], byte[]> records,
            Set<Reader<?>> changed) {
        RegistryException down = null;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                if (down == null) {
                    Reader<?> reader = readers.get(r.topic());
                    try {
                        if (reader != null && reader.accept(r)) {
                            changed.add(reader);
                        }
                        continue;
                    } catch (RegistryException e) {
                        down = e;
                    }
                }
                consumer.seek(tp, r.offset());
                break;
            }
        }
        if (down != null) {
            setRegistryError(
                    "Cannot reach the schema registry at "
                            + Secrets.maskUrls(String.join(",", registry.urls()))
                            + " ("
                            + Secrets.maskUrls(String.valueOf(down.getMessage()))
                            + "); new results wait and are read as soon as it answers");
            return true;
        }
        if (!records.isEmpty()) {
            setRegistryError(null);
            registryBackoff = MIN_REGISTRY_BACKOFF;
        }
        return false;
    }

    private void setRegistryError(String now) {
        if (!java.util.Objects.equals(registryError, now)) {
            if (now != null) {
                LOG.warn(now);
            } else {
                LOG.info("The schema registry answers again; reading on");
            }
            registryError = now;
            onStatus.accept(this);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Checks that Kafka answers and assigns the partitions of topics that have appeared; returns
     * whether every feed's topic is being read.
     */
    private boolean probe(KafkaConsumer<byte[], byte[]> consumer) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = consumer.listTopics(PROBE);
        } catch (org.apache.kafka.common.errors.WakeupException
                | org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            setStatus(false, unreachable(e));
            return false;
        }
        List<TopicPartition> added = new ArrayList<>();
        boolean complete = true;
        for (Feed<?> feed : feeds) {
            List<PartitionInfo> infos = topics.get(feed.topic());
            if (infos == null || infos.isEmpty()) {
                complete = false;
                continue;
            }
            for (PartitionInfo p : infos) {
                TopicPartition tp = new TopicPartition(feed.topic(), p.partition());
                if (assigned.add(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            // assign() keeps the positions of partitions that stay assigned.
            consumer.assign(assigned);
            seekToLookback(consumer, added);
        }
        String primary = topic();
        setStatus(
                true,
                topics.containsKey(primary)
                        ? null
                        : "Topic '" + primary + "' does not exist yet; waiting for the job");
        return complete;
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
    public String registryError() {
        return registryError;
    }

    @Override
    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public String topic() {
        return feeds.get(0).topic();
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

    /**
     * A feed with its decoder; one bad record is skipped, never fatal, but a registry that cannot
     * be reached is thrown: the record is fine and must be read again.
     */
    private static final class Reader<T extends SpecificRecord> {
        private final Feed<T> feed;
        private final ConfluentAvroDeserializationSchema<T> decoder;

        Reader(Feed<T> feed, RegistryClientConfig registry) {
            this.feed = feed;
            this.decoder =
                    ConfluentAvroSerdes.valueDeserializer(feed.type(), feed.topic(), registry);
        }

        boolean accept(ConsumerRecord<byte[], byte[]> r) throws RegistryException {
            try {
                T value = decoder.deserialize(r.value());
                return value != null && feed.onRecord().test(value);
            } catch (RegistryException e) {
                if (e.isRetriable()) {
                    throw e;
                }
                skip(r, e);
                return false;
            } catch (Exception e) {
                skip(r, e);
                return false;
            }
        }

        private static void skip(ConsumerRecord<byte[], byte[]> r, Exception e) {
            // One bad result must not blind the dashboard to the rest.
            LOG.warn(
                    "Skipping unreadable record at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        }

        void afterChanges() {
            feed.afterChanges().run();
        }
    }
}
