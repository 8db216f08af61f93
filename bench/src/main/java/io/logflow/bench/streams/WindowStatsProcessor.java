package io.logflow.bench.streams;

import io.logflow.jobs.analytics.AnalyticsIO;
import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The aggregate of {@link StreamsPapiPeer}: adds each event to its task's {@link OpenWindows} and
 * emits a window's {@link WindowStats} once, when stream time has passed its end plus the grace
 * period.
 */
final class WindowStatsProcessor implements Processor<String, LogEvent, String, WindowStats> {

    // The bench's events span about 1,000 per second of event time: checking every second closes
    // a window promptly, and a check with nothing to close is one TreeMap lookup.
    static final Duration CLOSE_CHECK = Duration.ofSeconds(1);

    // How soon each task notices that the harness announced the end of the input.
    static final Duration END_CHECK = Duration.ofMillis(100);

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();
    private final String windowName;
    private final Duration window;
    private final Duration grace;
    private final LongAdder consumed;
    private final Map<TaskId, OpenWindows> states;
    private final BooleanSupplier inputEnded;
    private ProcessorContext<String, WindowStats> context;
    private TaskId task;
    private OpenWindows windows;

    WindowStatsProcessor(
            Duration window,
            Duration grace,
            LongAdder consumed,
            Map<TaskId, OpenWindows> states,
            BooleanSupplier inputEnded) {
        this.windowName = StreamsPeer.windowName(window);
        this.window = window;
        this.grace = grace;
        this.consumed = consumed;
        this.states = states;
        this.inputEnded = inputEnded;
    }

    @Override
    public void init(ProcessorContext<String, WindowStats> context) {
        this.context = context;
        this.task = context.taskId();
        // A task that moved here from another of this application's threads keeps its windows.
        this.windows = states.computeIfAbsent(task, t -> new OpenWindows(aggregate, window, grace));
        // The task's own stream time triggers the check, but the windows decide with the stream
        // time they observed, the one their drop rule uses.
        context.schedule(
                CLOSE_CHECK, PunctuationType.STREAM_TIME, t -> windows.emitClosed(this::forward));
        // Stream time stops with the input, so the last windows need the end of input to close;
        // punctuators run on the stream thread, inside the task's transaction.
        context.schedule(
                END_CHECK,
                PunctuationType.WALL_CLOCK_TIME,
                t -> {
                    if (inputEnded.getAsBoolean() && !windows.flushed()) {
                        windows.emitAll(this::forward);
                    }
                });
    }

    @Override
    public void process(Record<String, LogEvent> record) {
        // Counted before the window's drop rule, as the DSL peer's peek counts.
        consumed.increment();
        // The DSL's windowed aggregate drops records without a key the same way.
        if (record.key() != null) {
            windows.add(record.key(), record.timestamp(), record.value());
        }
    }

    @Override
    public void close() {
        // Publishes the windows to the thread that takes this task over in a rebalance among this
        // application's threads; a clean close committed exactly what they hold.
        states.put(task, windows);
    }

    private void forward(String service, long start, long end, WindowAccumulator acc) {
        WindowStats stats = StreamsPeer.stats(aggregate, windowName, service, start, end, acc);
        // Timestamped with the window's last millisecond, like the job's window results.
        context.forward(new Record<>(AnalyticsIO.resultKey(stats), stats, end - 1));
    }
}
