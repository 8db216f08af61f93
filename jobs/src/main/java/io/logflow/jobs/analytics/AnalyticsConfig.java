package io.logflow.jobs.analytics;

import static io.logflow.jobs.analytics.AnalyticsOptions.*;

import io.logflow.connectors.Secrets;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.connectors.files.FileSinks.FileFormat;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryOptions;
import io.logflow.jobs.alerts.AlertOptions;
import io.logflow.jobs.alerts.AlertRules;
import io.logflow.jobs.alerts.AlertRulesFile;
import io.logflow.jobs.alerts.AlertSettings;
import io.logflow.jobs.patterns.PatternSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** The analytics job's settings, parsed and validated once; every error names its key. */
public final class AnalyticsConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    // Reason text (capped), topic, coordinates, timestamps and Kafka's per-record overhead.
    private static final int DEAD_LETTER_OVERHEAD_BYTES = 16 * 1024;

    private final Configuration raw;
    private final Properties kafkaProperties = new Properties();
    private final RegistryClientConfig registry;
    private final Instant minEventTime;
    private final List<WindowSpec> windows = new ArrayList<>();
    private final DeliveryGuarantee guarantee;
    private final FileFormat fileFormat;
    private final StartingOffsets startingOffsets;
    private final AlertRules alertRules;
    private final List<InputSource> sources;

    private AnalyticsConfig(Configuration raw) {
        this.raw = raw;
        for (Map.Entry<String, String> e : raw.toMap().entrySet()) {
            if (e.getKey().startsWith(KAFKA_PROPERTIES_PREFIX)) {
                kafkaProperties.setProperty(
                        e.getKey().substring(KAFKA_PROPERTIES_PREFIX.length()), e.getValue());
            }
        }
        this.registry = registryConfig();
        this.minEventTime = parse(EVENT_TIME_MIN, Instant::parse, "an ISO-8601 instant");
        for (String w : get(WINDOWS)) {
            windows.add(wrap(WINDOWS, () -> WindowSpec.parse(w)));
        }
        if (windows.isEmpty()) {
            throw invalid(WINDOWS, "", "at least one window definition");
        }
        this.guarantee =
                parse(
                        DELIVERY_GUARANTEE,
                        v ->
                                DeliveryGuarantee.valueOf(
                                        v.toUpperCase(Locale.ROOT).replace('-', '_')),
                        "exactly-once, at-least-once or none");
        this.fileFormat =
                parse(
                        FILES_FORMAT,
                        v -> FileFormat.valueOf(v.toUpperCase(Locale.ROOT)),
                        "parquet or json");
        this.startingOffsets =
                parse(STARTING_OFFSETS, StartingOffsets::parse, StartingOffsets.HELP);
        int topN = get(TOP_N);
        if (topN < 1 || topN > 50) {
            throw invalid(TOP_N, String.valueOf(topN), "a number from 1 to 50");
        }
        if (get(ALLOWED_LATENESS).isNegative() || get(OUT_OF_ORDERNESS).isNegative()) {
            throw new IllegalArgumentException(
                    "window.allowed-lateness and watermark.out-of-orderness must not be negative");
        }
        this.alertRules = buildAlertRules();
        patternSettings();
        maxRecordBytes();
        deadLetterMaxBytes();
        String pattern = raw.get(INPUT_TOPIC_PATTERN);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw invalid(INPUT_TOPIC_PATTERN, pattern, "a valid regex: " + e.getMessage());
            }
        }
        this.sources = inputSources(pattern);
    }

    /**
     * {@code input.sources} when set (each source with its own starting offsets checked), else one
     * Avro source, empty: {@link AnalyticsIO} then reads {@code input.topics} or the pattern.
     */
    private List<InputSource> inputSources(String pattern) {
        String spec = raw.get(INPUT_SOURCES);
        if (spec == null) {
            boolean stray = raw.keySet().stream().anyMatch(k -> k.startsWith(InputSource.PREFIX));
            if (stray) {
                throw new IllegalArgumentException(
                        InputSource.PREFIX + "* keys need input.sources to list the sources");
            }
            return List.of();
        }
        if (pattern != null || raw.getOptional(INPUT_TOPICS).isPresent()) {
            throw new IllegalArgumentException(
                    "input.sources replaces input.topics and input.topic-pattern: set only one");
        }
        List<InputSource> parsed = InputSource.parse(spec, raw.toMap());
        for (InputSource source : parsed) {
            if (source.startingOffsets() != null) {
                String key = InputSource.key(source.name(), InputSource.STARTING_OFFSETS);
                try {
                    StartingOffsets.parse(source.startingOffsets());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "Invalid value for '"
                                    + key
                                    + "': '"
                                    + source.startingOffsets()
                                    + "'; expected "
                                    + StartingOffsets.HELP);
                }
            }
        }
        return parsed;
    }

    /** The sources {@code input.sources} lists; empty when it is not set. */
    public List<InputSource> sources() {
        return sources;
    }

    /** The starting offsets of {@code source}: its own, else the job's. */
    public StartingOffsets startingOffsets(InputSource source) {
        return source.startingOffsets() == null
                ? startingOffsets
                : StartingOffsets.parse(source.startingOffsets());
    }

    /** Parses job arguments ({@code --key value}, {@code --config file}). */
    public static AnalyticsConfig fromArgs(String... args) {
        return from(args(AnalyticsJob.NAME).parse(args));
    }

    /**
     * The parser of the job arguments, and so their usage text; {@code command} is how the usage
     * line names the job.
     */
    public static ToolArgs args(String command) {
        List<String> passThrough = new ArrayList<>(FLINK_PREFIXES);
        passThrough.add(KAFKA_PROPERTIES_PREFIX);
        passThrough.add(InputSource.PREFIX);
        return ToolArgs.of(command, AnalyticsOptions.all())
                .passThrough(passThrough)
                .withConfigFile();
    }

    /** Validates an already built configuration. */
    private static AnalyticsConfig from(Configuration configuration) {
        return new AnalyticsConfig(configuration);
    }

    /** The typed value of {@code option}; a value that does not parse names its key. */
    public <T> T get(ConfigOption<T> option) {
        try {
            return raw.get(option);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid value for '" + option.key() + "': " + e.getMessage(), e);
        }
    }

    public Properties kafkaProperties() {
        Properties copy = new Properties();
        copy.putAll(kafkaProperties);
        return copy;
    }

    public RegistryClientConfig registry() {
        return registry;
    }

    public Instant minEventTime() {
        return minEventTime;
    }

    public List<WindowSpec> windows() {
        return List.copyOf(windows);
    }

    /**
     * {@code output.transactional-id-prefix}, or when unset one derived from what tells two jobs
     * apart on one Kafka (group id, input, metrics topic): two jobs that shared a prefix would
     * fence each other's transactions. Stable across restarts as long as those stay the same; the
     * Kafka sink also aborts what an earlier prefix left open when it restores.
     */
    public String transactionalIdPrefix() {
        return raw.getOptional(TRANSACTIONAL_ID_PREFIX)
                .orElseGet(
                        () -> {
                            String input =
                                    raw.getOptional(INPUT_SOURCES)
                                            .or(() -> raw.getOptional(INPUT_TOPIC_PATTERN))
                                            .orElse(String.join(";", get(INPUT_TOPICS)));
                            String identity =
                                    get(GROUP_ID) + "\n" + input + "\n" + get(METRICS_TOPIC);
                            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                            crc.update(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            return String.format("logflow-analytics-%08x", crc.getValue());
                        });
    }

    public DeliveryGuarantee guarantee() {
        return guarantee;
    }

    public FileFormat fileFormat() {
        return fileFormat;
    }

    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    /** The effective configuration, one {@code key = value} per line, secrets masked. */
    public String describe() {
        Map<String, String> lines = new TreeMap<>();
        for (ConfigOption<?> option : AnalyticsOptions.all()) {
            Object value = raw.getOptional(option).orElse(null);
            if (value == null && option.hasDefaultValue()) {
                value = option.defaultValue();
            }
            lines.put(
                    option.key(), mask(option.key(), value == null ? "(unset)" : value.toString()));
        }
        kafkaProperties.forEach(
                (k, v) -> lines.put(KAFKA_PROPERTIES_PREFIX + k, mask(k.toString(), v.toString())));
        flinkSettings().toMap().forEach((k, v) -> lines.put(k, mask(k, v)));
        StringBuilder out = new StringBuilder();
        lines.forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    private static String mask(String key, String value) {
        return value.equals("(unset)") ? value : Secrets.mask(key, value);
    }

    private RegistryClientConfig registryConfig() {
        return wrap(REGISTRY_URL, () -> RegistryOptions.clientConfig(raw));
    }

    private <T> T parse(
            ConfigOption<String> option,
            java.util.function.Function<String, T> parser,
            String expected) {
        String value = get(option);
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(option, value, expected);
        }
    }

    private static <T> T wrap(ConfigOption<?> option, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("'" + option.key() + "'")) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "Invalid value for '" + option.key() + "': " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException invalid(
            ConfigOption<?> option, String value, String expected) {
        return new IllegalArgumentException(
                "Invalid value '" + value + "' for '" + option.key() + "': expected " + expected);
    }

    /** Validated starting position of the Kafka source. */
    public static final class StartingOffsets implements Serializable {
        private static final long serialVersionUID = 1L;
        static final String HELP = "committed, earliest, latest or timestamp:<epoch millis>";

        public enum Kind {
            COMMITTED,
            EARLIEST,
            LATEST,
            TIMESTAMP
        }

        private final Kind kind;
        private final long timestamp;

        private StartingOffsets(Kind kind, long timestamp) {
            this.kind = kind;
            this.timestamp = timestamp;
        }

        static StartingOffsets parse(String value) {
            if (value.startsWith("timestamp:")) {
                return new StartingOffsets(
                        Kind.TIMESTAMP, Long.parseLong(value.substring("timestamp:".length())));
            }
            return new StartingOffsets(Kind.valueOf(value.toUpperCase(Locale.ROOT)), -1);
        }

        public Kind kind() {
            return kind;
        }

        public long timestamp() {
            return timestamp;
        }
    }

    /**
     * Checks the settings against the checkpoints the job will really take, which only the
     * environment knows (the cluster's configuration, then job arguments): a Kafka transaction
     * stays open from one checkpoint to the next, and one the broker aborts on its timeout first
     * takes that checkpoint's results with it.
     */
    public void checkAgainstCheckpoints(Duration interval, Duration timeout) {
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return;
        }
        Duration transactions = get(TRANSACTION_TIMEOUT);
        Duration needed = interval.plus(timeout);
        if (transactions.compareTo(needed) <= 0) {
            throw new IllegalArgumentException(
                    "output.transaction-timeout ("
                            + transactions
                            + ") must be longer than execution.checkpointing.interval +"
                            + " execution.checkpointing.timeout ("
                            + needed
                            + "): a transaction stays open from one checkpoint to the next, and"
                            + " one the broker aborts first loses that checkpoint's results");
        }
    }

    /** The detectors' settings for services no rule names; they read the first window's results. */
    public AlertSettings alertSettings() {
        return alertRules.defaults();
    }

    /** The detectors' settings per service and route, from {@code alerts.rules-file} if set. */
    public AlertRules alertRules() {
        return alertRules;
    }

    /**
     * Template mining in tumbling windows of the first window definition's step (its size when
     * tumbling), so the new-template detector counts windows the way the other detectors do.
     */
    public PatternSettings patternSettings() {
        return PatternSettings.from(raw, windows.get(0).slide());
    }

    private AlertRules buildAlertRules() {
        // Out of range, the builder's message names the key; unparseable, Flink's does.
        WindowSpec first = windows.get(0);
        String file = raw.get(AlertOptions.RULES_FILE);
        if (file == null || file.isBlank()) {
            return AlertRules.of(AlertSettings.from(raw, first.name(), first.slide()));
        }
        return AlertRulesFile.read(Path.of(file), raw, first.name(), first.slide());
    }

    /**
     * The most bytes of key and value a dead letter keeps: the dead-letter producer's {@code
     * max.request.size} (Kafka's default 1 MiB unless {@code kafka.properties.max.request.size}
     * says otherwise) less room for the reason, coordinates and record overhead, so that no dead
     * letter can fail its own sink.
     */
    public int deadLetterMaxBytes() {
        String configured = kafkaProperties.getProperty("max.request.size");
        int maxRequest = 1024 * 1024;
        if (configured != null) {
            try {
                maxRequest = Integer.parseInt(configured.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Invalid value '"
                                + configured
                                + "' for 'kafka.properties.max.request.size': expected a number of"
                                + " bytes");
            }
        }
        return Math.max(1024, maxRequest - DEAD_LETTER_OVERHEAD_BYTES);
    }

    /** The input size above which a record is a dead letter without being decoded. */
    public int maxRecordBytes() {
        long bytes = get(INPUT_MAX_RECORD_BYTES).getBytes();
        if (bytes < 64 || bytes > Integer.MAX_VALUE) {
            throw invalid(INPUT_MAX_RECORD_BYTES, String.valueOf(bytes), "a size from 64b to 2gb");
        }
        return (int) bytes;
    }

    /**
     * The Flink settings among the arguments ({@link AnalyticsOptions#FLINK_PREFIXES}), for the
     * job's environment.
     */
    public Configuration flinkSettings() {
        Configuration flink = new Configuration();
        raw.toMap()
                .forEach(
                        (k, v) -> {
                            if (FLINK_PREFIXES.stream().anyMatch(k::startsWith)) {
                                flink.setString(k, v);
                            }
                        });
        return flink;
    }
}
