package io.logflow.devstack.generator;

import io.logflow.connectors.registry.RegistryClientConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Builder for {@link LogGenerator}: defaults in fields, checks in {@link #build()}. */
public final class LogGeneratorBuilder {

    /** Event-time rate when sending as fast as possible and no event-time rate is set. */
    static final double DEFAULT_EVENT_TIME_RATE = 1000;

    String bootstrapServers;
    RegistryClientConfig registry;
    String topic = GeneratorOptions.TOPIC.defaultValue();
    double ratePerSecond = GeneratorOptions.RATE.defaultValue();
    double eventTimeRate;
    long count;
    double malformedShare;
    String format = GeneratorOptions.FORMAT.defaultValue();
    double v2Share;
    double lateShare;
    Duration lateBy = GeneratorOptions.LATE_BY.defaultValue();
    Duration connectTimeout = GeneratorOptions.CONNECT_TIMEOUT.defaultValue();
    final Properties producerProperties = new Properties();
    final TrafficConfig.Builder traffic = TrafficConfig.builder();

    LogGeneratorBuilder() {}

    /** Required: the Kafka bootstrap servers, {@code host:port[,host:port]}. */
    public LogGeneratorBuilder bootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        return this;
    }

    /** Required: the schema registry the serializers register and look up schemas in. */
    public LogGeneratorBuilder registry(RegistryClientConfig registry) {
        this.registry = registry;
        return this;
    }

    public LogGeneratorBuilder topic(String topic) {
        this.topic = topic;
        return this;
    }

    public LogGeneratorBuilder seed(long seed) {
        traffic.seed(seed);
        return this;
    }

    public LogGeneratorBuilder services(List<String> services) {
        traffic.services(services);
        return this;
    }

    public LogGeneratorBuilder hostsPerService(int hosts) {
        traffic.hostsPerService(hosts);
        return this;
    }

    /** Event time of the first event; default: now. Fix it for repeatable runs. */
    public LogGeneratorBuilder startAt(Instant start) {
        traffic.start(start);
        return this;
    }

    /** Records per second of wall-clock time, evenly spaced; 0 sends as fast as possible. */
    public LogGeneratorBuilder ratePerSecond(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
        return this;
    }

    /**
     * Events per second of event time; default: the send rate, or 1000 when unthrottled. Set it to
     * preload, say, an hour of traffic in a few seconds.
     */
    public LogGeneratorBuilder eventTimeRate(double eventsPerSecond) {
        this.eventTimeRate = eventsPerSecond;
        return this;
    }

    /** Records to send, malformed ones included; 0 sends until {@link LogGenerator#stop()}. */
    public LogGeneratorBuilder count(long count) {
        this.count = count;
        return this;
    }

    /**
     * How records are written: {@code avro} (Confluent-framed through the registry, the default) or
     * a raw line, {@code json}, {@code logfmt}, {@code nginx}, {@code syslog}, {@code text} or
     * {@code otlp-json} / {@code otlp-proto} (one OTLP export request per event, as JSON or
     * protobuf bytes).
     */
    public LogGeneratorBuilder format(String format) {
        if (!LineRenderer.FORMATS.contains(format)) {
            throw new IllegalArgumentException(
                    "Unknown format '"
                            + format
                            + "'; formats are "
                            + String.join(", ", LineRenderer.FORMATS));
        }
        this.format = format;
        return this;
    }

    public LogGeneratorBuilder malformedShare(double share) {
        this.malformedShare = share;
        return this;
    }

    /** Share of records written with the v2 schema. */
    public LogGeneratorBuilder v2Share(double share) {
        this.v2Share = share;
        return this;
    }

    /** Share of events stamped {@code lateBy} to twice that in the past (default 5 minutes). */
    public LogGeneratorBuilder lateShare(double share) {
        this.lateShare = share;
        return this;
    }

    public LogGeneratorBuilder lateBy(Duration lateBy) {
        this.lateBy = lateBy;
        return this;
    }

    /** Timestamps jitter backwards by up to this much. */
    public LogGeneratorBuilder maxOutOfOrder(Duration maxOutOfOrder) {
        traffic.maxOutOfOrder(maxOutOfOrder);
        return this;
    }

    public LogGeneratorBuilder incident(Incident incident) {
        traffic.incident(incident);
        return this;
    }

    /** An incident in its text form, e.g. {@code spike:payments@60s+120s}. */
    public LogGeneratorBuilder incident(String spec) {
        return incident(Incident.parse(spec));
    }

    /** How long to wait for a broker to answer before the first record; default 10 s. */
    public LogGeneratorBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Any producer setting, overriding the generator's (linger.ms, batch.size, security...). */
    public LogGeneratorBuilder producerProperty(String key, String value) {
        producerProperties.setProperty(key, value);
        return this;
    }

    /** The generator's producer settings, with the caller's overrides on top. */
    Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Large, briefly lingering lz4 batches: log lines compress well and preloads are big.
        props.put(
                ProducerConfig.LINGER_MS_CONFIG,
                String.valueOf(GeneratorOptions.LINGER_MS.defaultValue()));
        props.put(
                ProducerConfig.BATCH_SIZE_CONFIG,
                String.valueOf(GeneratorOptions.BATCH_SIZE.defaultValue()));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        props.putAll(producerProperties);
        return props;
    }

    double effectiveEventTimeRate() {
        if (eventTimeRate > 0) {
            return eventTimeRate;
        }
        return ratePerSecond > 0 ? ratePerSecond : DEFAULT_EVENT_TIME_RATE;
    }

    public LogGenerator build() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is required");
        }
        if (registry == null && format.equals("avro")) {
            throw new IllegalArgumentException("registry is required for Avro records");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException(
                    "ratePerSecond must be >= 0 (0 = as fast as possible), got " + ratePerSecond);
        }
        if (eventTimeRate < 0) {
            throw new IllegalArgumentException("eventTimeRate must be >= 0, got " + eventTimeRate);
        }
        if (count < 0) {
            throw new IllegalArgumentException(
                    "count must be >= 0 (0 = until stopped), got " + count);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
        }
        traffic.eventsPerSecond(effectiveEventTimeRate()).late(lateShare, lateBy);
        return new LogGenerator(this, traffic.build());
    }
}
