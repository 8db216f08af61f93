package io.logflow.notifier;

import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.schema.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads alert transitions from {@code log-alerts} and delivers each to every receiver whose route
 * takes it, once: a transition is recorded as delivered (or dead-lettered) before its offset is
 * committed, and skipped when read again. Firing alerts are re-sent to Alertmanager receivers every
 * {@code resend-interval}.
 *
 * <pre>{@code
 * try (Notifier notifier = Notifier.start(NotifierConfigReader.read(tree))) {
 *     notifier.awaitReady(Duration.ofSeconds(30));
 *     ...
 * }
 * }</pre>
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration MAX_REGISTRY_BACKOFF = Duration.ofSeconds(10);

    private final NotifierConfig config;
    private final Clock clock;
    private final HttpSender sender;
    private final DeliveredLog delivered;
    private final FiringAlerts firing;
    private final DeadLetterLog deadLetters;
    private final Resender resender;
    private final AlertSource source;
    private final ConfluentAvroDeserializationSchema<Alert> decoder;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Long> deliveredCounts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile String failure;
    private boolean commitFailing;
    private final java.nio.channels.FileLock lock;

    private Notifier(NotifierConfig config, Clock clock) throws IOException {
        this.config = config;
        this.clock = clock;
        Files.createDirectories(config.dataDir());
        this.lock = lock(config.dataDir());
        this.sender = new HttpSender(config.retry());
        this.delivered = new DeliveredLog(config.dataDir());
        this.firing = new FiringAlerts(config.dataDir());
        this.deadLetters = new DeadLetterLog(config.dataDir(), clock);
        this.resender = new Resender(config, clock, firing, sender);
        this.decoder =
                ConfluentAvroSerdes.valueDeserializer(
                        Alert.class, config.topic(), config.registry());
        this.source = new AlertSource(config);
        this.thread = new Thread(this::run, "logflow-notifier");
    }

    /** Two notifiers on one data dir would each deliver what the other already did. */
    private static java.nio.channels.FileLock lock(java.nio.file.Path dir) throws IOException {
        java.nio.channels.FileChannel channel =
                java.nio.channels.FileChannel.open(
                        dir.resolve(".lock"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held;
        try {
            held = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new java.nio.file.FileSystemException(
                    dir.toString(), null, "another notifier is using this state directory");
        }
        return held;
    }

    /** Starts reading and delivering in a thread of its own. */
    public static Notifier start(NotifierConfig config) throws IOException {
        Notifier n = new Notifier(config, Clock.systemUTC());
        LOG.info(
                "Notifier reading {} on {} (group {}), receivers {}, {} alerts firing from the last"
                        + " run",
                config.topic(),
                config.bootstrapServers(),
                config.groupId(),
                config.receivers(),
                n.firing.snapshot().size());
        n.thread.start();
        n.resender.start();
        return n;
    }

    /** Waits until the topic is assigned and start positions are fixed; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the notifier stopped by itself (see {@link #failure}) or {@code timeout}. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the notifier stopped by itself; null while it runs or after a clean close. */
    public String failure() {
        return failure;
    }

    /** Transitions delivered to {@code receiver} by this process. */
    public long deliveredCount(String receiver) {
        return deliveredCounts.getOrDefault(receiver, 0L);
    }

    private void run() {
        Duration registryBackoff = config.retry().initialBackoff();
        Map<TopicPartition, Long> pending = new HashMap<>();
        try (source) {
            if (!source.assign(() -> running)) {
                return;
            }
            ready.countDown();
            while (running) {
                ConsumerRecords<byte[], byte[]> records = source.poll();
                Map<TopicPartition, Long> next = new HashMap<>();
                boolean held = false;
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                        if (!held) {
                            try {
                                handle(r);
                                next.put(tp, r.offset() + 1);
                                continue;
                            } catch (RegistryException e) {
                                LOG.warn(
                                        "Cannot reach the schema registry ({}); alerts wait and are"
                                                + " read again in {} ms",
                                        io.logflow.connectors.Secrets.maskUrls(e.getMessage()),
                                        registryBackoff.toMillis());
                                held = true;
                            }
                        }
                        source.rewind(tp, r.offset());
                        break;
                    }
                }
                pending.putAll(next);
                commit(pending);
                if (held) {
                    Thread.sleep(registryBackoff.toMillis());
                    registryBackoff = min(registryBackoff.multipliedBy(2), MAX_REGISTRY_BACKOFF);
                } else if (!records.isEmpty()) {
                    registryBackoff = config.retry().initialBackoff();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException
                | org.apache.kafka.common.errors.InterruptException
                | InterruptedException e) {
            // Closing: what was not handled stays uncommitted and is read again next time.
        } catch (IOException | RuntimeException e) {
            failure = "Notifier stopped: " + e;
            LOG.error(failure, e);
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Commits what was handled. A broker that does not answer is no reason to stop: the offsets
     * stay pending and go with the next commit, and anything read again meanwhile is in the
     * delivered log.
     */
    private void commit(Map<TopicPartition, Long> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            source.commit(pending);
            pending.clear();
            if (commitFailing) {
                LOG.info("Committing offsets again");
                commitFailing = false;
            }
        } catch (org.apache.kafka.common.errors.RetriableException e) {
            if (!commitFailing) {
                LOG.warn(
                        "Cannot commit offsets yet ({}); retrying with the next poll",
                        e.toString());
                commitFailing = true;
            }
        }
    }

    /** Delivers one record to each receiver that takes it; a retriable registry error is thrown. */
    private void handle(ConsumerRecord<byte[], byte[]> r) throws IOException, InterruptedException {
        String origin = r.topic() + "-" + r.partition() + "@" + r.offset();
        Alert alert;
        try {
            alert = r.value() == null ? null : decoder.deserialize(r.value());
        } catch (RegistryException e) {
            if (e.isRetriable()) {
                throw e;
            }
            deadLetters.unreadable(origin, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            deadLetters.unreadable(origin, String.valueOf(e.getMessage()));
            return;
        }
        if (alert == null) {
            deadLetters.unreadable(origin, "null value");
            return;
        }
        Notice n = notice(alert);
        // Before delivering: a re-send that starts after this sees the alert resolved.
        resender.apply(alert, n.startsAt());
        for (ReceiverConfig receiver : config.receivers()) {
            if (!receiver.route().matches(alert.getService(), alert.getKind().name(), n.severity())
                    || delivered.contains(receiver.name(), n.key())) {
                continue;
            }
            String body = Bodies.render(receiver.type(), n, clock.instant(), resender.horizon());
            HttpSender.Outcome o = sender.send(receiver, Resender.target(receiver), body);
            if (o.delivered()) {
                deliveredCounts.merge(receiver.name(), 1L, Long::sum);
                LOG.info(
                        "Delivered {} {} to {} (attempt {})",
                        alert.getState(),
                        alert.getAlertId(),
                        receiver,
                        o.attempts());
            } else {
                deadLetters.undeliverable(receiver, n, o.reason(), body);
            }
            delivered.add(receiver.name(), n.key());
        }
    }

    private Notice notice(Alert alert) {
        Instant started = firing.startedAt(alert.getAlertId());
        Instant startsAt;
        if (started != null) {
            startsAt = started;
        } else if (alert.getState() == io.logflow.schema.AlertState.FIRING) {
            startsAt = alert.getEventTime();
        } else {
            // A RESOLVED whose FIRING this notifier never saw: its first window is the best guess.
            startsAt = alert.getWindowStart();
        }
        return new Notice(
                alert,
                config.severityOf(alert),
                startsAt,
                config.dashboardPage(alert.getService()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Stops reading and delivering; a delivery in its backoff is abandoned and read again later.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        resender.close();
        sender.close();
        source.wakeup();
        thread.join(15_000);
        delivered.close();
        lock.channel().close();
    }
}
