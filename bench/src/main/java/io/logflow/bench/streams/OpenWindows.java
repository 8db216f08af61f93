package io.logflow.bench.streams;

import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import io.logflow.schema.LogEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open tumbling windows of one stream task, on the heap: per window start a plain {@link
 * HashMap} of each service's {@link WindowAccumulator}, and the task's observed stream time.
 *
 * <p>It accepts and drops exactly the events the DSL's windowed aggregate accepts and drops: an
 * event is dropped once its window's end plus the grace period is at or before the stream time
 * observed so far (including the event itself). A window is closed under the same condition, so no
 * event can reach a window after it was emitted.
 */
final class OpenWindows {

    /** Receives a closed window's accumulator. */
    interface Sink {
        void emit(String service, long start, long end, WindowAccumulator acc);
    }

    private final WindowStatsAggregate aggregate;
    private final long size;
    private final long grace;
    // Ordered by start, so closing stops at the first window still open.
    private final TreeMap<Long, Map<String, WindowAccumulator>> byStart = new TreeMap<>();
    // Starts where the DSL processor starts, before any record: ConsumerRecord.NO_TIMESTAMP.
    private long streamTime = -1;
    // Read by the harness thread while it waits for every task to flush at the end of input.
    private volatile boolean flushed;

    OpenWindows(WindowStatsAggregate aggregate, Duration size, Duration grace) {
        this.aggregate = aggregate;
        this.size = size.toMillis();
        this.grace = grace.toMillis();
    }

    /** Adds {@code event} to its window; false if it came later than the grace period allows. */
    boolean add(String service, long timestamp, LogEvent event) {
        streamTime = Math.max(streamTime, timestamp);
        // Kafka Streams skips records with negative timestamps before any processor sees them.
        long start = (Math.max(0, timestamp) / size) * size;
        if (isClosed(start)) {
            return false;
        }
        byStart.computeIfAbsent(start, s -> new HashMap<>())
                .computeIfAbsent(service, s -> aggregate.createAccumulator())
                .add(event);
        return true;
    }

    /** Emits and forgets every window that the observed stream time has closed. */
    void emitClosed(Sink sink) {
        while (!byStart.isEmpty() && isClosed(byStart.firstKey())) {
            emit(byStart.pollFirstEntry(), sink);
        }
    }

    /**
     * Emits and forgets every window, as a bounded input's end does for the job (Flink's final
     * watermark fires all windows): stream time alone never closes the last ones.
     */
    void emitAll(Sink sink) {
        while (!byStart.isEmpty()) {
            emit(byStart.pollFirstEntry(), sink);
        }
        flushed = true;
    }

    /** Whether {@link #emitAll} has run. */
    boolean flushed() {
        return flushed;
    }

    private boolean isClosed(long start) {
        return start + size <= streamTime - grace;
    }

    private void emit(Map.Entry<Long, Map<String, WindowAccumulator>> window, Sink sink) {
        long start = window.getKey();
        window.getValue().forEach((service, acc) -> sink.emit(service, start, start + size, acc));
    }
}
