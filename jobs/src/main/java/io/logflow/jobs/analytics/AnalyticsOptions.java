package io.logflow.jobs.analytics;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.kafka.KafkaOptions;
import io.logflow.connectors.registry.RegistryOptions;
import io.logflow.jobs.alerts.AlertOptions;
import io.logflow.jobs.normalize.NormalizeOptions;
import io.logflow.jobs.patterns.PatternOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/** Every setting of the analytics job, with its default and meaning. */
public final class AnalyticsOptions {

    private AnalyticsOptions() {}

    /**
     * Kafka client settings passed through as they are, e.g. kafka.properties.security.protocol.
     */
    public static final String KAFKA_PROPERTIES_PREFIX = KafkaOptions.PROPERTIES_PREFIX;

    /**
     * Flink's own settings, under Flink's own keys (execution.checkpointing.interval,
     * state.backend.type, parallelism.default, restart-strategy.type, ...): passed to the job's
     * environment as they are, over what the cluster's configuration says, so the cluster's
     * config.yaml or a FlinkDeployment is their one home and job arguments only override it.
     */
    public static final List<String> FLINK_PREFIXES =
            List.of("execution.", "state.", "parallelism.", "restart-strategy.", "pipeline.");

    // The Kafka and registry client options live with the connectors, shared by every tool.
    public static final ConfigOption<String> BOOTSTRAP_SERVERS = KafkaOptions.BOOTSTRAP_SERVERS;

    public static final ConfigOption<List<String>> INPUT_TOPICS =
            key("input.topics")
                    .stringType()
                    .asList()
                    .defaultValues(Defaults.TOPIC_LOGS)
                    .withDescription("Topics of Avro LogEvents, separated by ';'.");

    public static final ConfigOption<String> INPUT_SOURCES =
            key("input.sources")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Sources with their formats, name=format separated by ';' (e.g."
                                    + " logs=avro-confluent;nginx-access=nginx;app=json); replaces"
                                    + " input.topics. Each source's own keys are"
                                    + " input.sources.<name>.topic, .service, .starting-offsets"
                                    + " and .fields.<field>.");

    public static final ConfigOption<String> INPUT_TOPIC_PATTERN =
            key("input.topic-pattern")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("A regex of input topics; replaces input.topics when set.");

    public static final ConfigOption<String> GROUP_ID =
            key("input.group-id")
                    .stringType()
                    .defaultValue("logflow-analytics")
                    .withDescription("Consumer group id; offsets are committed on checkpoints.");

    public static final ConfigOption<String> STARTING_OFFSETS =
            key("input.starting-offsets")
                    .stringType()
                    .defaultValue("committed")
                    .withDescription(
                            "committed (falling back to earliest), earliest, latest, or"
                                    + " timestamp:<epoch millis>.");

    public static final ConfigOption<Boolean> BOUNDED =
            key("input.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Stop at the offsets that are latest when the job starts (backfill).");

    public static final ConfigOption<String> REGISTRY_URL = RegistryOptions.URL;

    public static final ConfigOption<String> REGISTRY_BASIC_AUTH = RegistryOptions.BASIC_AUTH;

    public static final ConfigOption<String> REGISTRY_BEARER_TOKEN = RegistryOptions.BEARER_TOKEN;

    public static final ConfigOption<String> REGISTRY_TRUSTSTORE = RegistryOptions.TRUSTSTORE;

    public static final ConfigOption<String> REGISTRY_TRUSTSTORE_PASSWORD =
            RegistryOptions.TRUSTSTORE_PASSWORD;

    public static final ConfigOption<String> REGISTRY_TRUSTSTORE_TYPE =
            RegistryOptions.TRUSTSTORE_TYPE;

    public static final ConfigOption<Boolean> REGISTRY_AUTO_REGISTER =
            RegistryOptions.AUTO_REGISTER;

    public static final ConfigOption<Duration> REGISTRY_OUTAGE_TIMEOUT =
            key("registry.outage-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "How long to keep retrying an unreachable registry before failing"
                                    + " the job (it then restarts from its last checkpoint).");

    public static final ConfigOption<MemorySize> INPUT_MAX_RECORD_BYTES =
            key("input.max-record-bytes")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1))
                    .withDescription(
                            "Record values larger than this are dead letters (OVERSIZED) without"
                                    + " being decoded.");

    public static final ConfigOption<String> EVENT_TIME_MIN =
            key("event-time.min")
                    .stringType()
                    .defaultValue("2000-01-01T00:00:00Z")
                    .withDescription("Events before this instant are dead letters.");

    public static final ConfigOption<Duration> EVENT_TIME_MAX_FUTURE =
            key("event-time.max-future")
                    .durationType()
                    .defaultValue(Duration.ofDays(1))
                    .withDescription(
                            "Events further than this ahead of the wall clock are dead letters:"
                                    + " one bad clock must not push the watermark past"
                                    + " everyone's windows.");

    public static final ConfigOption<Duration> EVENT_TIME_MAX_AHEAD_OF_RECORD =
            key("event-time.max-ahead-of-record")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(15))
                    .withDescription(
                            "Events further than this ahead of their Kafka record's timestamp are"
                                    + " dead letters: a skewed application clock must not move the"
                                    + " watermark, also while a backfill replays old records.");

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            key("watermark.out-of-orderness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("How far events may arrive out of order (per partition).");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            key("watermark.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A partition quiet for this long stops holding the watermark back.");

    public static final ConfigOption<List<String>> WINDOWS =
            key("windows")
                    .stringType()
                    .asList()
                    .defaultValues("tumbling:1m")
                    .withDescription(
                            "Window definitions separated by ';', e.g."
                                    + " tumbling:1m;sliding:5m/1m.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            key("window.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Late events within this re-emit their window's result (an upsert);"
                                    + " later ones go to the late-events topic.");

    public static final ConfigOption<String> METRICS_TOPIC =
            key("output.metrics-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_METRICS)
                    .withDescription("Topic of WindowStats results.");

    public static final ConfigOption<String> DLQ_TOPIC =
            key("output.dead-letter-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_DLQ)
                    .withDescription("Topic of DeadLetter records.");

    public static final ConfigOption<String> LATE_TOPIC =
            key("output.late-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_LATE)
                    .withDescription("Topic of events later than the allowed lateness.");

    public static final ConfigOption<String> DELIVERY_GUARANTEE =
            key("output.delivery-guarantee")
                    .stringType()
                    .defaultValue("exactly-once")
                    .withDescription("exactly-once, at-least-once or none.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
            key("output.transactional-id-prefix")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Prefix of Kafka transactional ids; unique per job on one Kafka."
                                    + " Unset: logflow-analytics- and a hash of the group id,"
                                    + " the input topics and the metrics topic, so two jobs"
                                    + " that differ in any of them never share one.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT =
            key("output.transaction-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Kafka transaction timeout; must not exceed the broker's"
                                    + " transaction.max.timeout.ms (15 min by default).");

    public static final ConfigOption<String> FILES_PATH =
            key("output.files.path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Directory (any Flink file system URI) for result files.");

    public static final ConfigOption<String> DLQ_FILES_PATH =
            key("output.files.dead-letters-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory for dead-letter files too (same format), for analysis"
                                    + " next to the results.");

    public static final ConfigOption<String> LATE_FILES_PATH =
            key("output.files.late-events-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Directory for files of events later than allowed.");

    public static final ConfigOption<String> FILES_FORMAT =
            key("output.files.format")
                    .stringType()
                    .defaultValue("parquet")
                    .withDescription("parquet or json (JSON Lines).");

    public static final ConfigOption<Integer> TOP_N =
            key("top-n")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "How many top paths and error messages each window lists (1..50).");

    public static final ConfigOption<Boolean> PATTERNS_ENABLED =
            key("patterns.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Mine log templates per service and window (tumbling windows of the"
                                    + " first window definition's slide) to the patterns topic.");

    public static final ConfigOption<Boolean> ALERTS_ENABLED =
            key("alerts.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Run the alert detectors on the first window definition's results.");

    public static final ConfigOption<String> PATTERNS_TOPIC =
            key("output.patterns-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_PATTERNS)
                    .withDescription("Topic of LogPattern records (template counts per window).");

    public static final ConfigOption<String> ALERTS_TOPIC =
            key("output.alerts-topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_ALERTS)
                    .withDescription("Topic of Alert transitions (FIRING, RESOLVED), keyed by id.");

    public static final ConfigOption<String> PATTERNS_FILES_PATH =
            key("output.files.patterns-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Directory for log-pattern files too (same format).");

    public static final ConfigOption<String> ALERTS_FILES_PATH =
            key("output.files.alerts-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Directory for alert files too (same format).");

    /**
     * All options, for validation and help output; the detectors' own are in {@link AlertOptions}.
     */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> all =
                new ArrayList<>(
                        List.of(
                                BOOTSTRAP_SERVERS,
                                INPUT_TOPICS,
                                INPUT_TOPIC_PATTERN,
                                GROUP_ID,
                                STARTING_OFFSETS,
                                BOUNDED,
                                REGISTRY_URL,
                                REGISTRY_BASIC_AUTH,
                                REGISTRY_BEARER_TOKEN,
                                REGISTRY_TRUSTSTORE,
                                REGISTRY_TRUSTSTORE_PASSWORD,
                                REGISTRY_TRUSTSTORE_TYPE,
                                REGISTRY_AUTO_REGISTER,
                                REGISTRY_OUTAGE_TIMEOUT,
                                INPUT_MAX_RECORD_BYTES,
                                EVENT_TIME_MIN,
                                EVENT_TIME_MAX_FUTURE,
                                EVENT_TIME_MAX_AHEAD_OF_RECORD,
                                OUT_OF_ORDERNESS,
                                IDLE_TIMEOUT,
                                WINDOWS,
                                ALLOWED_LATENESS,
                                METRICS_TOPIC,
                                DLQ_TOPIC,
                                LATE_TOPIC,
                                DELIVERY_GUARANTEE,
                                TRANSACTIONAL_ID_PREFIX,
                                INPUT_SOURCES,
                                TRANSACTION_TIMEOUT,
                                FILES_PATH,
                                DLQ_FILES_PATH,
                                LATE_FILES_PATH,
                                FILES_FORMAT,
                                TOP_N,
                                PATTERNS_ENABLED,
                                ALERTS_ENABLED,
                                PATTERNS_TOPIC,
                                ALERTS_TOPIC,
                                PATTERNS_FILES_PATH,
                                ALERTS_FILES_PATH));
        all.addAll(AlertOptions.all());
        all.addAll(PatternOptions.all());
        all.addAll(NormalizeOptions.all());
        return all;
    }
}
