package io.logflow.devstack.generator;

import io.logflow.schema.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Exact counts of what a run sent, kept by the sending thread, plus the producer's
 * acknowledgements. It is itself the send callback, so acknowledging a record allocates nothing.
 */
final class GeneratorStats implements Callback {

    private static final Level[] LEVELS = Level.values();
    private static final RecordKind[] KINDS = RecordKind.values();

    private final List<String> services;
    private final long[][] validByServiceAndLevel;
    private final long[] byKind = new long[KINDS.length];
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;
    private long late;
    // Volatile so a progress reporter on another thread sees a current total.
    private volatile long records;
    private volatile String firstFailure;

    GeneratorStats(List<String> services) {
        this.services = List.copyOf(services);
        this.validByServiceAndLevel = new long[services.size()][LEVELS.length];
    }

    /** Starts the clock of {@link GeneratorReport#elapsed()}. */
    void started() {
        startNanos = System.nanoTime();
    }

    /** Stops that clock, so a report taken after the run does not keep aging. */
    void finished() {
        endNanos = System.nanoTime();
    }

    /** Counts one record handed to the producer. */
    void record(RecordKind kind, int service, Level level, boolean isLate) {
        byKind[kind.ordinal()]++;
        if (!kind.isMalformed()) {
            validByServiceAndLevel[service][level.ordinal()]++;
            if (isLate) {
                late++;
            }
        }
        records++;
    }

    long records() {
        return records;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acked.incrementAndGet();
        } else {
            if (failed.getAndIncrement() == 0) {
                firstFailure = exception.getClass().getSimpleName() + ": " + exception.getMessage();
            }
        }
    }

    private Duration elapsed() {
        long start = startNanos;
        if (start == 0) {
            return Duration.ZERO;
        }
        long end = endNanos;
        return Duration.ofNanos((end != 0 ? end : System.nanoTime()) - start);
    }

    /** What was counted so far; exact once the sending thread has finished. */
    GeneratorReport snapshot(Instant eventTimeStart, Instant eventTimeEnd) {
        Map<String, Map<Level, Long>> byServiceAndLevel = new LinkedHashMap<>();
        for (int s = 0; s < services.size(); s++) {
            Map<Level, Long> levels = new EnumMap<>(Level.class);
            for (Level level : LEVELS) {
                levels.put(level, validByServiceAndLevel[s][level.ordinal()]);
            }
            byServiceAndLevel.put(services.get(s), levels);
        }
        Map<RecordKind, Long> kinds = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : KINDS) {
            kinds.put(kind, byKind[kind.ordinal()]);
        }
        return new GeneratorReport(
                records,
                byServiceAndLevel,
                kinds,
                late,
                acked.get(),
                failed.get(),
                firstFailure,
                elapsed(),
                eventTimeStart,
                eventTimeEnd);
    }
}
