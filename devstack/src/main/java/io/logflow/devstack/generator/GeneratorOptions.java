package io.logflow.devstack.generator;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.connectors.registry.RegistryClientConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The {@link GeneratorMain} options; the builders take their defaults from here. */
final class GeneratorOptions {

    static final ConfigOption<String> KAFKA =
            key("kafka").stringType().noDefaultValue().withDescription("Kafka host:port.");
    static final ConfigOption<String> REGISTRY =
            key("registry")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Schema registry http://host:port; Avro records need it.");
    static final ConfigOption<String> TOPIC =
            key("topic").stringType().defaultValue(Defaults.TOPIC_LOGS).withDescription("Topic.");
    static final ConfigOption<String> FORMAT =
            key("format")
                    .stringType()
                    .defaultValue("avro")
                    .withDescription("One of " + String.join(", ", LineRenderer.FORMATS) + ".");
    static final ConfigOption<Double> RATE =
            key("rate")
                    .doubleType()
                    .defaultValue(1000.0)
                    .withDescription("Records per second; 0 sends as fast as possible.");
    static final ConfigOption<Double> EVENT_RATE =
            key("event-rate")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "Events per second of event time; 0 = the send rate, or "
                                    + (long) LogGeneratorBuilder.DEFAULT_EVENT_TIME_RATE
                                    + " when unthrottled.");
    static final ConfigOption<Long> COUNT =
            key("count")
                    .longType()
                    .defaultValue(0L)
                    .withDescription("Records to send; 0 sends until stopped.");
    static final ConfigOption<Long> SEED =
            key("seed").longType().defaultValue(42L).withDescription("Random seed.");
    static final ConfigOption<Double> MALFORMED =
            key("malformed")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription("Share of malformed records.");
    static final ConfigOption<Double> LATE =
            key("late").doubleType().defaultValue(0.0).withDescription("Share of late events.");
    static final ConfigOption<Duration> LATE_BY =
            key("late-by")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("Late events are this to twice this in the past.");
    static final ConfigOption<Duration> SKEW =
            key("skew")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription("Timestamps jitter backwards by up to this much.");
    static final ConfigOption<Double> V2 =
            key("v2")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription("Share of records written with the v2 schema.");
    static final ConfigOption<List<String>> INCIDENT =
            key("incident")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription("An incident such as spike:payments@60s+120s.");
    static final ConfigOption<String> SERVICES =
            key("services")
                    .stringType()
                    .defaultValue(String.join(",", ServiceCatalog.DEFAULT_SERVICES))
                    .withDescription("Comma-separated service names.");
    static final ConfigOption<Integer> HOSTS =
            key("hosts").intType().defaultValue(4).withDescription("Hosts per service.");
    static final ConfigOption<String> START =
            key("start")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("First event time, e.g. 2026-01-01T00:00:00Z; default: now.");
    static final ConfigOption<Long> LINGER_MS =
            key("linger-ms").longType().defaultValue(20L).withDescription("Producer linger.ms.");
    static final ConfigOption<Long> BATCH_SIZE =
            key("batch-size")
                    .longType()
                    .defaultValue(256L * 1024)
                    .withDescription("Producer batch.size.");
    static final ConfigOption<Duration> CONNECT_TIMEOUT =
            key("connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("How long to wait for a broker before the first record.");

    static final ToolArgs ARGS =
            ToolArgs.of(
                            "bin/logflow generate",
                            KAFKA,
                            REGISTRY,
                            TOPIC,
                            FORMAT,
                            RATE,
                            EVENT_RATE,
                            COUNT,
                            SEED,
                            MALFORMED,
                            LATE,
                            LATE_BY,
                            SKEW,
                            V2,
                            INCIDENT,
                            SERVICES,
                            HOSTS,
                            START,
                            LINGER_MS,
                            BATCH_SIZE,
                            CONNECT_TIMEOUT)
                    .required(KAFKA);

    private GeneratorOptions() {}

    /**
     * @throws IllegalArgumentException naming the option that is wrong or missing
     */
    static LogGeneratorBuilder parse(String[] args) {
        Configuration conf = ARGS.parse(args);
        LogGeneratorBuilder b =
                LogGenerator.builder()
                        .bootstrapServers(conf.get(KAFKA))
                        .topic(conf.get(TOPIC))
                        .ratePerSecond(nonNegative(conf, RATE))
                        .eventTimeRate(nonNegative(conf, EVENT_RATE))
                        .count(nonNegative(conf, COUNT))
                        .seed(conf.get(SEED))
                        .malformedShare(share(conf, MALFORMED))
                        .lateShare(share(conf, LATE))
                        .lateBy(conf.get(LATE_BY))
                        .maxOutOfOrder(conf.get(SKEW))
                        .v2Share(share(conf, V2))
                        .services(Arrays.asList(conf.get(SERVICES).split(",")))
                        .hostsPerService(nonNegative(conf, HOSTS))
                        .producerProperty("linger.ms", String.valueOf(nonNegative(conf, LINGER_MS)))
                        .producerProperty(
                                "batch.size", String.valueOf(nonNegative(conf, BATCH_SIZE)))
                        .connectTimeout(conf.get(CONNECT_TIMEOUT));
        try {
            b.format(conf.get(FORMAT));
        } catch (IllegalArgumentException e) {
            throw ToolArgs.invalid(FORMAT, e.getMessage());
        }
        for (String incident : conf.get(INCIDENT)) {
            try {
                b.incident(incident);
            } catch (IllegalArgumentException e) {
                throw ToolArgs.invalid(INCIDENT, e.getMessage());
            }
        }
        conf.getOptional(REGISTRY).ifPresent(url -> registry(b, url));
        conf.getOptional(START).ifPresent(start -> startAt(b, start));
        if (b.registry == null && b.format.equals("avro")) {
            throw ToolArgs.missing(REGISTRY);
        }
        return b;
    }

    private static void registry(LogGeneratorBuilder b, String url) {
        try {
            b.registry(RegistryClientConfig.builder(url).build());
        } catch (IllegalArgumentException e) {
            throw ToolArgs.invalid(REGISTRY, e.getMessage());
        }
    }

    private static void startAt(LogGeneratorBuilder b, String start) {
        try {
            b.startAt(Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw ToolArgs.invalid(START, start, "an ISO instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static <T extends Number> T nonNegative(Configuration conf, ConfigOption<T> option) {
        T value = conf.get(option);
        if (value.doubleValue() < 0) {
            throw ToolArgs.invalid(option, value, "a number >= 0");
        }
        return value;
    }

    private static double share(Configuration conf, ConfigOption<Double> option) {
        double value = conf.get(option);
        if (value < 0 || value > 1) {
            throw ToolArgs.invalid(option, value, "a share between 0 and 1");
        }
        return value;
    }
}
