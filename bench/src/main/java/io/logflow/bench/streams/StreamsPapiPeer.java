package io.logflow.bench.streams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TaskId;

/**
 * The best case of Kafka Streams on the analytics job's aggregates, and NOT a production
 * equivalent: a Processor API application whose window accumulators live only on the heap, so its
 * state is not fault tolerant — a crash, or any task closed uncleanly, loses or double-counts the
 * open windows, which a changelogged store (like {@link StreamsPeer}'s) would restore.
 *
 * <p>Everything else is {@link StreamsPeer}'s: the job's own {@code WindowAccumulator} and {@code
 * WindowStatsAggregate}, LogFlow's Confluent Avro decoding, event time, grace = out-of-orderness +
 * allowed lateness with the DSL's drop rule, the same Avro {@code WindowStats} and keys, {@code
 * exactly_once_v2} and commit interval. Each window is emitted once, when stream time passes its
 * end plus the grace period (a {@code STREAM_TIME} punctuator), instead of on every cache flush; at
 * the end of the input {@link #close()} emits the windows still open, as the job's bounded source
 * does with its final watermark.
 *
 * <p>Tasks that move between this application's own threads in a rebalance keep their windows: a
 * clean close commits exactly what the heap holds, and the next thread picks it up.
 */
public final class StreamsPapiPeer extends Peer {

    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(2);

    // Every task's windows, by task: survives the task's processor, as a rebalance replaces it.
    private final Map<TaskId, OpenWindows> states = new ConcurrentHashMap<>();
    private volatile boolean inputEnded;

    public StreamsPapiPeer(StreamsPeer.Settings s) {
        run(new KafkaStreams(topology(s), StreamsPeer.properties(s)));
    }

    Topology topology(StreamsPeer.Settings s) {
        Topology topology = new Topology();
        // Earliest, as the consumer setting both peers share: this overload needs one.
        topology.addSource(
                AutoOffsetReset.earliest(),
                "events",
                new StreamsPeer.EventTimeExtractor(),
                Serdes.String().deserializer(),
                AvroSerdes.logEvents(s.inputTopic(), s.registry()).deserializer(),
                s.inputTopic());
        // The producer keys records by service already: no repartition topic.
        topology.addProcessor(
                "window-stats",
                () ->
                        new WindowStatsProcessor(
                                s.window(), s.grace(), consumed, states, () -> inputEnded),
                "events");
        topology.addSink(
                "results",
                s.outputTopic(),
                Serdes.String().serializer(),
                AvroSerdes.windowStats(s.outputTopic(), s.registry()).serializer(),
                "window-stats");
        return topology;
    }

    /** Emits every window still open (call it once all input is consumed), commits and stops. */
    @Override
    public void close() {
        inputEnded = true;
        long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
        try {
            // Every task that ever held records is in the map, so this covers all of them.
            while (!states.values().stream().allMatch(OpenWindows::flushed)) {
                if (failed() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka Streams tasks did not emit their last windows");
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before the last windows", e);
        } finally {
            super.close();
        }
    }
}
