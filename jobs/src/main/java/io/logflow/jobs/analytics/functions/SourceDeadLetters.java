package io.logflow.jobs.analytics.functions;

import io.logflow.schema.DeadLetterReason;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every source does with a record it cannot use: a size-capped dead letter, its {@code
 * deadLetters} counter of its reason, and the dead-letter share ({@code deadLetterRatio}, logged
 * every 30 s, as an error when every record was one), whatever the source's format.
 */
final class SourceDeadLetters implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SourceDeadLetters.class);
    private static final long RATE_PERIOD_MILLIS = 30_000;

    private final int maxRecordBytes;
    private final DeadLetters letters;
    private transient Map<DeadLetterReason, Counter> counters;
    private transient DeadLetterRate rate;

    SourceDeadLetters(int maxRecordBytes, int deadLetterMaxBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.letters = new DeadLetters(deadLetterMaxBytes);
    }

    void open(MetricGroup metrics) {
        counters = LogEventDeserializer.counters(metrics);
        rate = new DeadLetterRate(RATE_PERIOD_MILLIS);
        metrics.gauge("deadLetterRatio", (Gauge<Double>) rate::lastRatio);
    }

    boolean isOpen() {
        return counters != null;
    }

    /**
     * The dead letter of a record no format can use, whatever it holds: a null value, or one above
     * {@code input.max-record-bytes} (not read further); null when the record may be decoded.
     * {@code framed}: its value is Confluent-framed, so the dead letter names its schema id.
     */
    DecodedRecord unusable(ConsumerRecord<byte[], byte[]> record, boolean framed) {
        byte[] value = record.value();
        if (value == null) {
            return of(record, DeadLetterReason.NULL_VALUE, "Record has a null value", -1);
        }
        if (value.length > maxRecordBytes) {
            return of(
                    record,
                    DeadLetterReason.OVERSIZED,
                    "Record value of "
                            + value.length
                            + " bytes is larger than input.max-record-bytes ("
                            + maxRecordBytes
                            + " bytes)",
                    framed ? io.logflow.connectors.serde.WireFormat.schemaIdOf(value) : -1);
        }
        return null;
    }

    /** The dead letter of {@code record}, counted. */
    DecodedRecord of(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String detail, int id) {
        counters.get(reason).inc();
        counted(reason);
        return DecodedRecord.of(letters.of(record, reason, detail, id));
    }

    /** A record that became an event, for the share. */
    void used() {
        counted(null);
    }

    private void counted(DeadLetterReason reason) {
        String report = rate.record(reason, System.currentTimeMillis());
        if (report != null) {
            if (report.startsWith("All")) {
                LOG.error(report);
            } else {
                LOG.warn(report);
            }
        }
    }
}
