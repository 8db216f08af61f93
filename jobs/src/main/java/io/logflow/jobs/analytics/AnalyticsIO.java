package io.logflow.jobs.analytics;

import static io.logflow.jobs.analytics.AnalyticsOptions.*;

import io.logflow.connectors.files.FileSinks;
import io.logflow.connectors.kafka.KafkaSinks;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.jobs.analytics.functions.EventTimeRules;
import io.logflow.jobs.analytics.functions.LogEventDeserializer;
import io.logflow.jobs.analytics.sinks.DeadLetterSerializer;
import io.logflow.schema.Alert;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The analytics job's Kafka source and its Kafka and file sinks, built from configuration. */
public final class AnalyticsIO {

    private AnalyticsIO() {}

    /** The Kafka source of decoded events and dead letters, with event-time watermarks. */
    public static DataStream<DecodedRecord> source(
            StreamExecutionEnvironment env, AnalyticsConfig config) {
        return env.fromSource(kafkaSource(config), AnalyticsJob.watermarks(config), "kafka-logs")
                .uid("kafka-logs");
    }

    /** The Kafka source alone, for tests that add their own operators after it. */
    public static KafkaSource<DecodedRecord> kafkaSource(AnalyticsConfig config) {
        KafkaSourceBuilder<DecodedRecord> builder =
                KafkaSource.<DecodedRecord>builder()
                        .setBootstrapServers(config.get(BOOTSTRAP_SERVERS))
                        .setProperties(sourceProperties(config))
                        .setGroupId(config.get(GROUP_ID))
                        .setStartingOffsets(startingOffsets(config))
                        .setProperty("commit.offsets.on.checkpoint", "true")
                        .setDeserializer(
                                new LogEventDeserializer(
                                        config.registry(),
                                        config.maxRecordBytes(),
                                        config.deadLetterMaxBytes(),
                                        new EventTimeRules(
                                                config.minEventTime(),
                                                config.get(EVENT_TIME_MAX_FUTURE),
                                                config.get(EVENT_TIME_MAX_AHEAD_OF_RECORD)),
                                        config.get(REGISTRY_OUTAGE_TIMEOUT)));
        String pattern = config.get(INPUT_TOPIC_PATTERN);
        if (pattern != null) {
            builder.setTopicPattern(Pattern.compile(pattern));
        } else {
            builder.setTopics(config.get(INPUT_TOPICS));
        }
        if (config.get(BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
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

    private static OffsetsInitializer startingOffsets(AnalyticsConfig config) {
        AnalyticsConfig.StartingOffsets start = config.startingOffsets();
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

    /** Attaches every configured sink to the workflow's outputs. */
    public static void sinkAll(AnalyticsStreams streams, AnalyticsConfig config) {
        String bootstrap = config.get(BOOTSTRAP_SERVERS);
        Properties props = config.kafkaProperties();
        String prefix = config.get(TRANSACTIONAL_ID_PREFIX);
        String metricsTopic = config.get(METRICS_TOPIC);
        streams.windowStats()
                .sinkTo(
                        KafkaSinks.sink(
                                bootstrap,
                                props,
                                config.guarantee(),
                                prefix + "-metrics",
                                KafkaSinks.keyed(
                                        metricsTopic,
                                        AnalyticsIO::resultKey,
                                        ConfluentAvroSerdes.valueSerializer(
                                                WindowStats.class,
                                                metricsTopic,
                                                config.registry())),
                                config.get(TRANSACTION_TIMEOUT)))
                .name("kafka-" + metricsTopic)
                .uid("sink-window-stats");
        String dlqTopic = config.get(DLQ_TOPIC);
        streams.deadLetters()
                .sinkTo(
                        KafkaSinks.sink(
                                bootstrap,
                                props,
                                config.guarantee(),
                                prefix + "-dlq",
                                new DeadLetterSerializer(dlqTopic, config.registry()),
                                config.get(TRANSACTION_TIMEOUT)))
                .name("kafka-" + dlqTopic)
                .uid("sink-dead-letters");
        String lateTopic = config.get(LATE_TOPIC);
        streams.lateEvents()
                .sinkTo(
                        KafkaSinks.sink(
                                bootstrap,
                                props,
                                config.guarantee(),
                                prefix + "-late",
                                KafkaSinks.keyed(
                                        lateTopic,
                                        LogEvent::getService,
                                        ConfluentAvroSerdes.valueSerializer(
                                                LogEvent.class, lateTopic, config.registry())),
                                config.get(TRANSACTION_TIMEOUT)))
                .name("kafka-" + lateTopic)
                .uid("sink-late-events");
        if (streams.patterns() != null) {
            String patternsTopic = config.get(PATTERNS_TOPIC);
            streams.patterns()
                    .sinkTo(
                            KafkaSinks.sink(
                                    bootstrap,
                                    props,
                                    config.guarantee(),
                                    prefix + "-patterns",
                                    KafkaSinks.keyed(
                                            patternsTopic,
                                            AnalyticsIO::patternKey,
                                            ConfluentAvroSerdes.valueSerializer(
                                                    LogPattern.class,
                                                    patternsTopic,
                                                    config.registry())),
                                    config.get(TRANSACTION_TIMEOUT)))
                    .name("kafka-" + patternsTopic)
                    .uid("sink-log-patterns");
        }
        if (streams.alerts() != null) {
            String alertsTopic = config.get(ALERTS_TOPIC);
            streams.alerts()
                    .sinkTo(
                            KafkaSinks.sink(
                                    bootstrap,
                                    props,
                                    config.guarantee(),
                                    prefix + "-alerts",
                                    KafkaSinks.keyed(
                                            alertsTopic,
                                            Alert::getAlertId,
                                            ConfluentAvroSerdes.valueSerializer(
                                                    Alert.class, alertsTopic, config.registry())),
                                    config.get(TRANSACTION_TIMEOUT)))
                    .name("kafka-" + alertsTopic)
                    .uid("sink-alerts");
        }
        sinkFiles(streams, config);
    }

    private static void sinkFiles(AnalyticsStreams streams, AnalyticsConfig config) {
        String files = config.get(FILES_PATH);
        if (files != null) {
            streams.windowStats()
                    .sinkTo(
                            FileSinks.forFormat(
                                    config.fileFormat(),
                                    files,
                                    WindowStats.class,
                                    WindowStats::getWindowStart))
                    .name("files-window-stats")
                    .uid("files-window-stats");
        }
        String dlqFiles = config.get(DLQ_FILES_PATH);
        if (dlqFiles != null) {
            streams.deadLetters()
                    .sinkTo(
                            FileSinks.forFormat(
                                    config.fileFormat(),
                                    dlqFiles,
                                    DeadLetter.class,
                                    DeadLetter::getRecordTimestamp))
                    .name("files-dead-letters")
                    .uid("files-dead-letters");
        }
        String lateFiles = config.get(LATE_FILES_PATH);
        if (lateFiles != null) {
            streams.lateEvents()
                    .sinkTo(
                            FileSinks.forFormat(
                                    config.fileFormat(),
                                    lateFiles,
                                    LogEvent.class,
                                    LogEvent::getTimestamp))
                    .name("files-late-events")
                    .uid("files-late-events");
        }
        String patternFiles = config.get(PATTERNS_FILES_PATH);
        if (patternFiles != null && streams.patterns() != null) {
            streams.patterns()
                    .sinkTo(
                            FileSinks.forFormat(
                                    config.fileFormat(),
                                    patternFiles,
                                    LogPattern.class,
                                    LogPattern::getWindowStart))
                    .name("files-log-patterns")
                    .uid("files-log-patterns");
        }
        String alertFiles = config.get(ALERTS_FILES_PATH);
        if (alertFiles != null && streams.alerts() != null) {
            streams.alerts()
                    .sinkTo(
                            FileSinks.forFormat(
                                    config.fileFormat(),
                                    alertFiles,
                                    Alert.class,
                                    Alert::getEventTime))
                    .name("files-alerts")
                    .uid("files-alerts");
        }
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
