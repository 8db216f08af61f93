package io.logflow.bench.jmh;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The window aggregate's hot paths: folding one event into a window's accumulator, merging two
 * windows' accumulators (as session or sliding panes and Kafka Streams peers do), and the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowAggregateBenchmark {

    /** Events per accumulator merged: about a minute of one busy service. */
    private static final int WINDOW_EVENTS = 20_000;

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();
    private CompactEvent[] events;
    private int next;
    private WindowAccumulator growing;
    private WindowAccumulator full;
    private WindowAccumulator other;

    @Setup
    public void setUp() {
        LogEvent[] sample = BenchEvents.sample(BenchEvents.COUNT, 13);
        events = new CompactEvent[sample.length];
        for (int i = 0; i < sample.length; i++) {
            events[i] = CompactEvent.of(sample[i]);
        }
        growing = aggregate.createAccumulator();
        full = filled(WINDOW_EVENTS, 17);
        other = filled(WINDOW_EVENTS, 19);
    }

    private WindowAccumulator filled(int count, long seed) {
        WindowAccumulator acc = aggregate.createAccumulator();
        for (LogEvent e : BenchEvents.sample(count, seed)) {
            acc.add(e);
        }
        return acc;
    }

    @Benchmark
    public WindowAccumulator add() {
        next = (next + 1) & (BenchEvents.COUNT - 1);
        return aggregate.add(events[next], growing);
    }

    /** Copy then merge, since merge changes its target; see {@link #copy()} for the copy alone. */
    @Benchmark
    public WindowAccumulator copyAndMerge() {
        return aggregate.merge(full.copy(), other);
    }

    @Benchmark
    public WindowAccumulator copy() {
        return full.copy();
    }

    @Benchmark
    public WindowStats result() {
        return aggregate.getResult(full);
    }
}
