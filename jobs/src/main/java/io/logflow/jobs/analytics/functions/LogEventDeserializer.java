package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.registry.UnsupportedSchemaException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes Kafka records into {@link LogEvent}s inside the source, so that event timestamps can
 * drive per-partition watermarks, and turns every record it cannot use into a {@link DeadLetter}
 * instead of failing: null values, oversized values, malformed bytes (including lengths that do not
 * fit the record), unknown schema ids, schemas that are not Avro or not readable as a {@code
 * LogEvent}, final registry refusals (4xx) and absurd timestamps.
 *
 * <p>A registry that is down is not the record's fault: it is retried with backoff for up to the
 * outage timeout, then the job fails and restarts from its last checkpoint, losing nothing. Any
 * other failure is the record's: replaying it after a restart would fail again, forever.
 */
public final class LogEventDeserializer implements KafkaRecordDeserializationSchema<DecodedRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogEventDeserializer.class);
    // Timing every record would cost more than the decode; one in 64 shows the distribution.
    private static final int SAMPLE_EVERY = 64;
    private static final int SAMPLE_WINDOW = 1024;
    private static final double MAX_LATENCY_MS = 86_400_000.0;

    private final RegistryClientConfig registry;
    private final int maxRecordBytes;
    private final DeadLetters letters;
    private final long minEventTimeMillis;
    private final long maxFutureMillis;
    private final Duration outageTimeout;

    private transient Map<String, ConfluentAvroDeserializationSchema<LogEvent>> byTopic;
    private transient Counter decoded;
    private transient Map<DeadLetterReason, Counter> deadLetters;
    private transient Counter outOfRange;
    private transient Histogram decodeNanos;
    private transient long sampled;

    public LogEventDeserializer(
            RegistryClientConfig registry,
            int maxRecordBytes,
            int deadLetterMaxBytes,
            Instant minEventTime,
            Duration maxFuture,
            Duration outageTimeout) {
        this.registry = registry;
        this.maxRecordBytes = maxRecordBytes;
        this.letters = new DeadLetters(deadLetterMaxBytes);
        this.minEventTimeMillis = minEventTime.toEpochMilli();
        this.maxFutureMillis = maxFuture.toMillis();
        this.outageTimeout = outageTimeout;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        byTopic = new HashMap<>();
        MetricGroup metrics = context.getMetricGroup();
        decoded = metrics.counter("eventsDecoded");
        outOfRange = metrics.counter("outOfRangeValues");
        decodeNanos =
                metrics.histogram(
                        "decodeLatencyNanos", new DescriptiveStatisticsHistogram(SAMPLE_WINDOW));
        deadLetters = new HashMap<>();
        MetricGroup dlq = metrics.addGroup("deadLetters");
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, dlq.counter(reason.name()));
        }
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedRecord> out)
            throws IOException {
        if (byTopic == null) {
            // Tests may call deserialize without open; metrics are then not reported.
            open(new NoMetricsContext());
        }
        byte[] value = record.value();
        if (value == null) {
            out.collect(
                    deadLetter(record, DeadLetterReason.NULL_VALUE, "Record has a null value", -1));
            return;
        }
        if (value.length > maxRecordBytes) {
            out.collect(
                    deadLetter(
                            record,
                            DeadLetterReason.OVERSIZED,
                            "Record value of "
                                    + value.length
                                    + " bytes is larger than input.max-record-bytes ("
                                    + maxRecordBytes
                                    + " bytes)",
                            WireFormat.schemaIdOf(value)));
            return;
        }
        LogEvent event;
        boolean timed = (++sampled % SAMPLE_EVERY) == 0;
        long started = timed ? System.nanoTime() : 0L;
        try {
            event = decodeWithRetry(record);
            if (timed) {
                decodeNanos.update(System.nanoTime() - started);
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
            out.collect(
                    deadLetter(record, reasonOf(e), e.getMessage(), WireFormat.schemaIdOf(value)));
            return;
        }
        long ts = event.getTimestamp().toEpochMilli();
        long latest = System.currentTimeMillis() + maxFutureMillis;
        if (ts < minEventTimeMillis || ts > latest) {
            out.collect(
                    deadLetter(
                            record,
                            DeadLetterReason.BAD_TIMESTAMP,
                            "Event time "
                                    + event.getTimestamp()
                                    + " is outside ["
                                    + Instant.ofEpochMilli(minEventTimeMillis)
                                    + ", now + "
                                    + Duration.ofMillis(maxFutureMillis)
                                    + "]",
                            WireFormat.schemaIdOf(value)));
            return;
        }
        if (!inRange(event)) {
            outOfRange.inc();
        }
        decoded.inc();
        out.collect(DecodedRecord.of(event));
    }

    private LogEvent decodeWithRetry(ConsumerRecord<byte[], byte[]> record) throws IOException {
        ConfluentAvroDeserializationSchema<LogEvent> schema =
                byTopic.computeIfAbsent(
                        record.topic(),
                        t -> ConfluentAvroSerdes.valueDeserializer(LogEvent.class, t, registry));
        long deadline = System.nanoTime() + outageTimeout.toNanos();
        long backoffMs = 500;
        while (true) {
            try {
                return schema.deserialize(record.value());
            } catch (RegistryException e) {
                if (!e.isRetriable() || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn(
                        "Schema registry unavailable while decoding {}-{}@{}; retrying in {} ms:"
                                + " {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        backoffMs,
                        e.getMessage());
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
    }

    /**
     * Clears numbers no request can have, so they never reach the sketches: a latency that is NaN,
     * infinite, negative or above a day becomes NaN (which the aggregate skips), negative response
     * bytes become 0. The event itself still counts. False when something was cleared.
     */
    static boolean inRange(LogEvent event) {
        HttpInfo http = event.getHttp();
        if (http == null) {
            return true;
        }
        boolean ok = true;
        double ms = http.getLatencyMs();
        if (!(ms >= 0 && ms <= MAX_LATENCY_MS)) {
            http.setLatencyMs(Double.NaN);
            ok = false;
        }
        if (http.getResponseBytes() < 0) {
            http.setResponseBytes(0L);
            ok = false;
        }
        return ok;
    }

    private static DeadLetterReason reasonOf(RegistryException e) {
        if (e instanceof UnsupportedSchemaException) {
            return DeadLetterReason.UNSUPPORTED_SCHEMA;
        }
        return e.isNotFound() ? DeadLetterReason.UNKNOWN_SCHEMA : DeadLetterReason.REGISTRY_ERROR;
    }

    private DecodedRecord deadLetter(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail, int id) {
        deadLetters.get(reason).inc();
        return DecodedRecord.of(letters.of(record, reason, detail, id));
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the schema registry", e);
        }
    }

    @Override
    public TypeInformation<DecodedRecord> getProducedType() {
        return TypeInformation.of(DecodedRecord.class);
    }

    /** An initialization context without metrics, for direct calls in tests. */
    private static final class NoMetricsContext
            implements DeserializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new org.apache.flink.metrics.groups.UnregisteredMetricsGroup();
        }

        @Override
        public org.apache.flink.util.UserCodeClassLoader getUserCodeClassLoader() {
            throw new UnsupportedOperationException();
        }
    }
}
