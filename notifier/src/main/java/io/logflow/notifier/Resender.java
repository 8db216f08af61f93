package io.logflow.notifier;

import io.logflow.schema.Alert;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-sends every firing alert to the Alertmanager receivers that take it, every {@code
 * resend-interval} (and once at start, from the set the last run left), as Prometheus does: an
 * alert Alertmanager no longer hears about resolves by itself at its {@code endsAt}, four intervals
 * ahead. The set changes and a re-send run under one lock, so no re-send carries an alert that was
 * resolved before it began.
 */
final class Resender implements AutoCloseable {

    private final NotifierConfig config;
    private final Clock clock;
    private final FiringAlerts firing;
    private final HttpSender sender;
    private final Object lock = new Object();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "logflow-notifier-resend");
                        t.setDaemon(true);
                        return t;
                    });

    Resender(NotifierConfig config, Clock clock, FiringAlerts firing, HttpSender sender) {
        this.config = config;
        this.clock = clock;
        this.firing = firing;
        this.sender = sender;
    }

    void start() {
        if (config.receivers().stream().anyMatch(r -> r.type() == ReceiverType.ALERTMANAGER)) {
            long every = config.resendInterval().toMillis();
            timer.scheduleWithFixedDelay(this::resend, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** How far ahead a firing alert's {@code endsAt} is set. */
    Duration horizon() {
        return config.resendInterval().multipliedBy(4);
    }

    void apply(Alert alert, Instant startsAt) throws IOException {
        synchronized (lock) {
            firing.apply(alert, startsAt);
        }
    }

    /** Where a receiver's requests go: Alertmanager's alerts endpoint, else the URL itself. */
    static URI target(ReceiverConfig receiver) {
        if (receiver.type() != ReceiverType.ALERTMANAGER) {
            return receiver.url();
        }
        String base = receiver.url().toString();
        return URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                        + "/api/v2/alerts");
    }

    void resend() {
        try {
            resendAll();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and keep the cadence.
            org.slf4j.LoggerFactory.getLogger(Resender.class)
                    .warn("Re-send failed: {}", e.toString());
        }
    }

    private void resendAll() {
        synchronized (lock) {
            List<FiringAlerts.Firing> all = firing.snapshot();
            if (all.isEmpty()) {
                return;
            }
            for (ReceiverConfig r : config.receivers()) {
                if (r.type() != ReceiverType.ALERTMANAGER) {
                    continue;
                }
                List<Notice> notices = new ArrayList<>();
                for (FiringAlerts.Firing f : all) {
                    Alert a = f.alert();
                    String severity = config.severityOf(a);
                    if (r.route().matches(a.getService(), a.getKind().name(), severity)) {
                        notices.add(
                                new Notice(
                                        a,
                                        severity,
                                        f.startsAt(),
                                        config.dashboardPage(a.getService())));
                    }
                }
                if (!notices.isEmpty()) {
                    sender.sendOnce(
                            r, target(r), Bodies.alertmanager(notices, clock.instant(), horizon()));
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
