package io.logflow.bench.streams;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.KafkaStreams;

/** A Kafka Streams peer application as the benchmark drives it: start, watch, close. */
public abstract class Peer {

    /** Records decoded and handed to the aggregate so far; the topology increments it. */
    protected final LongAdder consumed = new LongAdder();

    private KafkaStreams streams;

    /** Called once by the subclass's constructor, after it built its topology. */
    protected final void run(KafkaStreams app) {
        this.streams = app;
    }

    /** Starts processing on the stream threads. */
    public void start() {
        streams.cleanUp();
        streams.start();
    }

    /** Records decoded and handed to the aggregate so far. */
    public long consumed() {
        return consumed.sum();
    }

    /** Whether the application died (a stream thread failed). */
    public boolean failed() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR
                || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING;
    }

    /** Emits what the application still holds, commits the last transaction and stops. */
    public void close() {
        streams.close(Duration.ofMinutes(2));
    }
}
