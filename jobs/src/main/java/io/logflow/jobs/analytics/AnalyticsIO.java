package io.logflow.jobs.analytics;

import static io.logflow.jobs.analytics.AnalyticsOptions.*;

import io.logflow.connectors.files.FileSinks;
import io.logflow.connectors.kafka.KafkaSinks;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.jobs.analytics.functions.EventTimeRules;
import io.logflow.jobs.analytics.functions.LogEventDeserializer;
import io.logflow.jobs.analytics.functions.RawLogDeserializer;
import io.logflow.jobs.analytics.sinks.DeadLetterSerializer;
import io.logflow.jobs.formats.LogFormats;
import io.logflow.schema.Alert;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The analytics job's Kafka source and its Kafka and file sinks, built from configuration. */
public final class AnalyticsIO {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsIO.class);

    /** How long job assembly waits for the broker to show its transaction limit. */
    private static final Duration BROKER_CHECK_WAIT = Duration.ofSeconds(10);

    private AnalyticsIO() {}

    /**
     * The Kafka sources of decoded events and dead letters, with event-time watermarks per
     * partition: {@code input.topics} (or the pattern) as one Avro source {@code kafka-logs}, or
     * each of {@code input.sources} as {@code kafka-<name>} with its own format and offsets, their
     * events in one stream.
     */
    public static DataStream<DecodedRecord> source(
            StreamExecutionEnvironment env, AnalyticsConfig config) {
        if (config.sources().isEmpty()) {
            return env.fromSource(
                            kafkaSource(config), AnalyticsJob.watermarks(config), "kafka-logs")
                    .uid("kafka-logs");
        }
        DataStream<DecodedRecord> all = null;
        for (InputSource s : config.sources()) {
            DataStream<DecodedRecord> one =
                    env.fromSource(
                                    kafkaSource(config, s),
                                    AnalyticsJob.watermarks(config),
                                    "kafka-" + s.name())
                            .uid("kafka-" + s.name());
            all = all == null ? one : all.union(one);
        }
        return all;
    }

    /** The Kafka source of {@code input.topics} alone, for tests that add their own operators. */
    public static KafkaSource<DecodedRecord> kafkaSource(AnalyticsConfig config) {
        KafkaSourceBuilder<DecodedRecord> builder =
                builder(config, config.startingOffsets()).setDeserializer(avro(config));
        String pattern = config.get(INPUT_TOPIC_PATTERN);
        if (pattern != null) {
            builder.setTopicPattern(Pattern.compile(pattern));
        } else {
            builder.setTopics(config.get(INPUT_TOPICS));
        }
        return builder.build();
    }

    /** The Kafka source of one of {@code input.sources}. */
    static KafkaSource<DecodedRecord> kafkaSource(AnalyticsConfig config, InputSource source) {
        return builder(config, config.startingOffsets(source))
                .setDeserializer(deserializer(config, source))
                .setTopics(source.topic())
                .build();
    }

    /** How {@code source}'s records become decoded events or dead letters; tests feed it too. */
    static KafkaRecordDeserializationSchema<DecodedRecord> deserializer(
            AnalyticsConfig config, InputSource source) {
        return source.isAvro()
                ? avro(config)
                : new RawLogDeserializer(
                        source.name(),
                        source.settings().service(),
                        source.format(),
                        LogFormats.create(source.format(), source.settings()),
                        config.maxRecordBytes(),
                        config.deadLetterMaxBytes(),
                        eventTimeRules(config));
    }

    private static KafkaSourceBuilder<DecodedRecord> builder(
            AnalyticsConfig config, AnalyticsConfig.StartingOffsets start) {
        KafkaSourceBuilder<DecodedRecord> builder =
                KafkaSource.<DecodedRecord>builder()
                        .setBootstrapServers(config.get(BOOTSTRAP_SERVERS))
                        .setProperties(sourceProperties(config))
                        .setGroupId(config.get(GROUP_ID))
                        .setStartingOffsets(startingOffsets(start))
                        .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.get(BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder;
    }

    private static LogEventDeserializer avro(AnalyticsConfig config) {
        return new LogEventDeserializer(
                config.registry(),
                config.maxRecordBytes(),
                config.deadLetterMaxBytes(),
                eventTimeRules(config),
                config.get(REGISTRY_OUTAGE_TIMEOUT));
    }

    private static EventTimeRules eventTimeRules(AnalyticsConfig config) {
        return new EventTimeRules(
                config.minEventTime(),
                config.get(EVENT_TIME_MAX_FUTURE),
                config.get(EVENT_TIME_MAX_AHEAD_OF_RECORD));
    }

    /**
     * The source's Kafka client settings: {@code kafka.properties.*}, reading only committed
     * transactions unless {@code kafka.properties.isolation.level} says otherwise, so an aborted
     * write of an exactly-once producer upstream is never counted.
     */
    static Properties sourceProperties(AnalyticsConfig config) {
        Properties props = config.kafkaProperties();
        props.putIfAbsent("isolation.level", "read_committed");
        return props;
    }

    private static OffsetsInitializer startingOffsets(AnalyticsConfig.StartingOffsets start) {
        switch (start.kind()) {
            case EARLIEST:
                return OffsetsInitializer.earliest();
            case LATEST:
                return OffsetsInitializer.latest();
            case TIMESTAMP:
                return OffsetsInitializer.timestamp(start.timestamp());
            default:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        }
    }

    /**
     * One output of the workflow and where it goes: always its Kafka topic, and files below a path
     * when one is set. The operator uids ({@code sink-<name>}, {@code files-<name>}) and the
     * transactional-id suffixes are part of a running job's savepoints: never change them.
     */
    private record Output<T extends SpecificRecordBase>(
            String name,
            Class<T> type,
            Function<AnalyticsStreams, DataStream<T>> stream,
            ConfigOption<String> topic,
            String transactionSuffix,
            ConfigOption<String> files,
            SerializableFunction<T, Instant> partitionTime,
            BiFunction<String, AnalyticsConfig, KafkaRecordSerializationSchema<T>> serializer) {

        /** Records keyed by {@code key}, Avro values under the topic's registry subject. */
        static <T extends SpecificRecordBase> Output<T> keyed(
                String name,
                Class<T> type,
                Function<AnalyticsStreams, DataStream<T>> stream,
                ConfigOption<String> topic,
                String transactionSuffix,
                ConfigOption<String> files,
                SerializableFunction<T, Instant> partitionTime,
                SerializableFunction<T, String> key) {
            return new Output<>(
                    name,
                    type,
                    stream,
                    topic,
                    transactionSuffix,
                    files,
                    partitionTime,
                    (t, config) ->
                            KafkaSinks.keyed(
                                    t,
                                    key,
                                    ConfluentAvroSerdes.valueSerializer(
                                            type, t, config.registry())));
        }

        void attach(AnalyticsStreams streams, AnalyticsConfig config) {
            attach(streams, config.get(topic), files == null ? null : config.get(files), config);
        }

        void attach(AnalyticsStreams streams, String t, String path, AnalyticsConfig config) {
            DataStream<T> out = stream.apply(streams);
            if (out == null) {
                return;
            }
            out.sinkTo(
                            KafkaSinks.sink(
                                    config.get(BOOTSTRAP_SERVERS),
                                    config.kafkaProperties(),
                                    config.guarantee(),
                                    config.transactionalIdPrefix() + transactionSuffix,
                                    serializer.apply(t, config),
                                    config.get(TRANSACTION_TIMEOUT)))
                    .name("kafka-" + t)
                    .uid("sink-" + name);
            if (path != null) {
                out.sinkTo(FileSinks.forFormat(config.fileFormat(), path, type, partitionTime))
                        .name("files-" + name)
                        .uid("files-" + name);
            }
        }
    }

    private static final List<Output<?>> OUTPUTS =
            List.of(
                    Output.keyed(
                            "window-stats",
                            WindowStats.class,
                            AnalyticsStreams::windowStats,
                            METRICS_TOPIC,
                            "-metrics",
                            FILES_PATH,
                            WindowStats::getWindowStart,
                            AnalyticsIO::resultKey),
                    new Output<>(
                            "dead-letters",
                            DeadLetter.class,
                            AnalyticsStreams::deadLetters,
                            DLQ_TOPIC,
                            "-dlq",
                            DLQ_FILES_PATH,
                            DeadLetter::getRecordTimestamp,
                            (t, config) -> new DeadLetterSerializer(t, config.registry())),
                    Output.keyed(
                            "late-events",
                            LogEvent.class,
                            AnalyticsStreams::lateEvents,
                            LATE_TOPIC,
                            "-late",
                            LATE_FILES_PATH,
                            LogEvent::getTimestamp,
                            LogEvent::getService),
                    Output.keyed(
                            "log-patterns",
                            LogPattern.class,
                            AnalyticsStreams::patterns,
                            PATTERNS_TOPIC,
                            "-patterns",
                            PATTERNS_FILES_PATH,
                            LogPattern::getWindowStart,
                            AnalyticsIO::patternKey),
                    Output.keyed(
                            "alerts",
                            Alert.class,
                            AnalyticsStreams::alerts,
                            ALERTS_TOPIC,
                            "-alerts",
                            ALERTS_FILES_PATH,
                            Alert::getEventTime,
                            Alert::getAlertId));

    /** Attaches every configured sink to the workflow's outputs. */
    public static void sinkAll(AnalyticsStreams streams, AnalyticsConfig config) {
        if (config.guarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            LOG.info(
                    "Exactly-once sinks, transactional ids {}-*: {}",
                    config.transactionalIdPrefix(),
                    KafkaSinks.checkTransactionTimeout(
                            config.get(BOOTSTRAP_SERVERS),
                            config.kafkaProperties(),
                            config.get(TRANSACTION_TIMEOUT),
                            BROKER_CHECK_WAIT));
        }
        for (Output<?> output : OUTPUTS) {
            output.attach(streams, config);
        }
    }

    /**
     * The normalize job's events on {@code topic}, keyed by service, under the job's delivery
     * guarantee (transactional ids {@code <prefix>-normalized}, uid {@code
     * sink-normalized-events}).
     */
    public static void sinkEvents(
            DataStream<LogEvent> events, String topic, AnalyticsConfig config) {
        Output.keyed(
                        "normalized-events",
                        LogEvent.class,
                        s -> events,
                        null,
                        "-normalized",
                        null,
                        LogEvent::getTimestamp,
                        LogEvent::getService)
                .attach(null, topic, null, config);
    }

    /** The upsert key of a log pattern: service, window start and template id. */
    public static String patternKey(LogPattern p) {
        return p.getService() + "|" + p.getWindowStart() + "|" + p.getTemplateId();
    }

    /** The upsert key of a window result: service, window definition and window start. */
    public static String resultKey(WindowStats stats) {
        return stats.getService() + "|" + stats.getWindow() + "|" + stats.getWindowStart();
    }
}
