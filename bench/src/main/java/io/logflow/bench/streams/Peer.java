package io.logflow.bench.streams;

/** A Kafka Streams peer application as the benchmark drives it: start, watch, close. */
public interface Peer {

    /** Starts processing on the stream threads. */
    void start();

    /** Records decoded and handed to the aggregate so far. */
    long consumed();

    /** Whether the application died (a stream thread failed). */
    boolean failed();

    /** Emits what the application still holds, commits the last transaction and stops. */
    void close();
}
