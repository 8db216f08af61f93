package io.logflow.bench.streams;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.jobs.analytics.AnalyticsIO;
import io.logflow.jobs.analytics.functions.WindowAccumulator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams peer of the analytics job: the same per-service tumbling-window aggregate (the
 * job's own {@link WindowAccumulator} and {@link WindowStatsAggregate}), decoded with LogFlow's
 * Confluent Avro deserializer, windowed on event time, written as Avro {@link WindowStats} keyed
 * like the job's results, exactly once.
 *
 * <p>Windows live in an in-memory store, like the job's heap state backend. The grace period is the
 * job's out-of-orderness plus its allowed lateness: both accept the same events, and both emit
 * updates of a window as it changes (Kafka Streams on cache flush and commit, Flink on firing).
 */
public final class StreamsPeer extends Peer {

    private static final String STORE = "window-stats";

    /** Settings of one peer run. */
    public record Settings(
            String bootstrap,
            RegistryClientConfig registry,
            String inputTopic,
            String outputTopic,
            String applicationId,
            int threads,
            Duration window,
            Duration grace,
            Duration commitInterval,
            Path stateDir) {}

    public StreamsPeer(Settings s) {
        run(new KafkaStreams(topology(s), properties(s)));
    }

    Topology topology(Settings s) {
        WindowStatsAggregate aggregate = new WindowStatsAggregate();
        String windowName = windowName(s.window());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        s.inputTopic(),
                        Consumed.with(
                                        Serdes.String(),
                                        AvroSerdes.logEvents(s.inputTopic(), s.registry()))
                                .withTimestampExtractor(new EventTimeExtractor()))
                .peek((service, event) -> consumed.increment())
                // The producer keys records by service already: no repartition topic.
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(s.window(), s.grace()))
                .aggregate(
                        aggregate::createAccumulator,
                        (service, event, acc) -> acc.add(event),
                        Materialized.<String, WindowAccumulator>as(
                                        Stores.inMemoryWindowStore(
                                                STORE,
                                                s.window().plus(s.grace()),
                                                s.window(),
                                                false))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new WindowAccumulatorSerde()))
                .toStream()
                .map((window, acc) -> result(aggregate, windowName, window, acc))
                .to(
                        s.outputTopic(),
                        Produced.with(
                                Serdes.String(),
                                AvroSerdes.windowStats(s.outputTopic(), s.registry())));
        return builder.build();
    }

    private static KeyValue<String, WindowStats> result(
            WindowStatsAggregate aggregate,
            String windowName,
            Windowed<String> window,
            WindowAccumulator acc) {
        WindowStats stats =
                stats(
                        aggregate,
                        windowName,
                        window.key(),
                        window.window().start(),
                        window.window().end(),
                        acc);
        return KeyValue.pair(AnalyticsIO.resultKey(stats), stats);
    }

    /** One window's result as both peers write it; key it with {@link AnalyticsIO#resultKey}. */
    static WindowStats stats(
            WindowStatsAggregate aggregate,
            String windowName,
            String service,
            long start,
            long end,
            WindowAccumulator acc) {
        WindowStats stats = aggregate.getResult(acc);
        stats.setService(service);
        stats.setWindow(windowName);
        stats.setWindowStart(Instant.ofEpochMilli(start));
        stats.setWindowEnd(Instant.ofEpochMilli(end));
        stats.setEmittedAt(Instant.now());
        return stats;
    }

    /** The name the job gives a tumbling window of {@code size}, as in its result keys. */
    static String windowName(Duration size) {
        return "tumbling-" + size.toMinutes() + "m";
    }

    /**
     * Both peers' settings: exactly once, the job's commit interval, undecodable records skipped.
     */
    static Properties properties(Settings s) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // The counterpart of the job's checkpoint interval: output becomes visible on commit.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return p;
    }

    /** Event time from the decoded event, so windows match the job's. */
    static final class EventTimeExtractor
            implements org.apache.kafka.streams.processor.TimestampExtractor {
        @Override
        public long extract(
                org.apache.kafka.clients.consumer.ConsumerRecord<Object, Object> record,
                long partitionTime) {
            return record.value() instanceof LogEvent e
                    ? e.getTimestamp().toEpochMilli()
                    : partitionTime;
        }
    }
}
