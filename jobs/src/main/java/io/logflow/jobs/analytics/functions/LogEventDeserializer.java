package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.registry.UnsupportedSchemaException;
import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks each Kafka record inside the source and reads only what the shuffle needs from it: the
 * {@code LogEvent}'s event time and service. The first record of each schema id goes through a
 * reader schema of just those two fields (which resolves the id, checks that it is a {@code
 * LogEvent} and skips every other field without building its strings); later records written with
 * LogFlow's own schema, where the two are the first fields, are read directly. The record's bytes
 * go on to the shuffle as they are ({@link ShuffledEvent}) and are decoded in full once, after it
 * ({@link EventDecodeFunction}), which dead-letters what the key fields did not reveal.
 *
 * <p>Every record it cannot use becomes a {@link DeadLetter} instead of failing the job: null
 * values, oversized values, malformed bytes (including lengths that do not fit the record), unknown
 * schema ids, schemas that are not Avro or not a {@code LogEvent}, final registry refusals (4xx)
 * and absurd timestamps. A registry that is down is not the record's fault: it is retried with
 * backoff for up to the outage timeout, then the job fails and restarts from its last checkpoint,
 * losing nothing. Any other failure is the record's: replaying it after a restart would fail again,
 * forever.
 */
public final class LogEventDeserializer implements KafkaRecordDeserializationSchema<DecodedRecord> {

    private static final long serialVersionUID = 1L;

    /** The two fields the source reads; the name makes every LogEvent version resolve to it. */
    public static final Schema KEY_FIELDS =
            new Schema.Parser()
                    .parse(
                            "{\"type\":\"record\",\"name\":\"LogEvent\","
                                    + "\"namespace\":\"io.logflow.schema\",\"fields\":["
                                    + "{\"name\":\"timestamp\",\"type\":\"long\"},"
                                    + "{\"name\":\"service\",\"type\":{\"type\":\"string\","
                                    + "\"avro.java.string\":\"String\"}}]}");

    private final RegistryClientConfig registry;
    private final SourceDeadLetters dead;
    private final EventTimeRules eventTime;
    private final Duration outageTimeout;

    private transient Map<String, ConfluentAvroDeserializationSchema<GenericRecord>> byTopic;
    private transient Map<Integer, Boolean> ownSchema;
    private transient BoundedBinaryDecoder decoder;

    public LogEventDeserializer(
            RegistryClientConfig registry,
            int maxRecordBytes,
            int deadLetterMaxBytes,
            EventTimeRules eventTime,
            Duration outageTimeout) {
        this.registry = registry;
        this.dead = new SourceDeadLetters(maxRecordBytes, deadLetterMaxBytes);
        this.eventTime = eventTime;
        this.outageTimeout = outageTimeout;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        open(context.getMetricGroup());
    }

    private void open(MetricGroup metrics) {
        byTopic = new HashMap<>();
        ownSchema = new HashMap<>();
        decoder = new BoundedBinaryDecoder();
        dead.open(metrics);
    }

    /**
     * One {@code deadLetters} counter per reason, in a {@code reason} key/value group: reporters
     * that know labels (Prometheus) show one metric with a {@code reason} label, the others {@code
     * reason.<REASON>.deadLetters}.
     */
    static Map<DeadLetterReason, Counter> counters(MetricGroup metrics) {
        Map<DeadLetterReason, Counter> counters = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            counters.put(reason, metrics.addGroup("reason", reason.name()).counter("deadLetters"));
        }
        return counters;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedRecord> out)
            throws IOException {
        if (byTopic == null) {
            // Tests may call deserialize without open; metrics are then not reported.
            open(new org.apache.flink.metrics.groups.UnregisteredMetricsGroup());
        }
        DecodedRecord unusable = dead.unusable(record, true);
        if (unusable != null) {
            out.collect(unusable);
            return;
        }
        byte[] value = record.value();
        long ts;
        String service;
        int id = WireFormat.schemaIdOf(value);
        Boolean own = id < 0 ? null : ownSchema.get(id);
        try {
            if (own != null && own) {
                // LogFlow's own schema starts with timestamp and service: read them, nothing
                // else. The rest is checked by the full decode behind the shuffle.
                decoder.reset(
                        value, WireFormat.HEADER_LENGTH, value.length - WireFormat.HEADER_LENGTH);
                try {
                    ts = decoder.readLong();
                    service = decoder.readString();
                } catch (IOException | RuntimeException e) {
                    throw MalformedRecordException.payload(record.topic(), id, value.length, e);
                }
            } else {
                GenericRecord key = keyFields(record, value);
                ts = (Long) key.get(0);
                service = (String) key.get(1);
                if (own == null && id >= 0) {
                    // Resolved (and cached) by the read above.
                    Schema writer = RegistryClient.shared(registry).getSchemaById(id);
                    ownSchema.put(id, LogEventBinaryReader.reads(writer));
                }
            }
        } catch (MalformedRecordException e) {
            out.collect(
                    deadLetter(record, DeadLetterReason.MALFORMED, e.getMessage(), e.schemaId()));
            return;
        } catch (RegistryException e) {
            if (e.isRetriable()) {
                // The registry stayed down past the outage timeout: restart, do not drop.
                throw e;
            }
            out.collect(deadLetter(record, reasonOf(e), e.getMessage(), id));
            return;
        }
        String badTime = eventTime.violation(ts, record.timestamp(), System.currentTimeMillis());
        if (badTime != null) {
            out.collect(deadLetter(record, DeadLetterReason.BAD_TIMESTAMP, badTime, id));
            return;
        }
        dead.used();
        out.collect(
                DecodedRecord.of(
                        new ShuffledEvent(
                                service,
                                ts,
                                value,
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                record.key())));
    }

    /** Any writer schema: a reader of the two key fields resolves and skips the rest. */
    private GenericRecord keyFields(ConsumerRecord<byte[], byte[]> record, byte[] value)
            throws IOException {
        ConfluentAvroDeserializationSchema<GenericRecord> schema =
                byTopic.computeIfAbsent(
                        record.topic(),
                        t -> ConfluentAvroSerdes.genericValueDeserializer(KEY_FIELDS, t, registry));
        return RegistryRetry.call(
                () -> schema.deserialize(value),
                outageTimeout,
                () -> record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    static DeadLetterReason reasonOf(RegistryException e) {
        if (e instanceof UnsupportedSchemaException) {
            return DeadLetterReason.UNSUPPORTED_SCHEMA;
        }
        return e.isNotFound() ? DeadLetterReason.UNKNOWN_SCHEMA : DeadLetterReason.REGISTRY_ERROR;
    }

    private DecodedRecord deadLetter(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail, int id) {
        return dead.of(record, reason, detail, id);
    }

    @Override
    public TypeInformation<DecodedRecord> getProducedType() {
        return TypeInformation.of(DecodedRecord.class);
    }
}
