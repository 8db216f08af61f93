package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.formats.LogFormat;
import io.logflow.jobs.formats.UnparseableException;
import io.logflow.schema.DeadLetterReason;
import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The source side of a raw-format topic (JSON, logfmt, access logs, syslog, text, OTLP): each
 * record is parsed once, here, into the compact record, which crosses the shuffle encoded by {@link
 * CompactCodec} in the same {@link ShuffledEvent} the Avro events travel in, so every format meets
 * in one stream and one shuffle. What does not parse is a dead letter {@code UNPARSEABLE} naming
 * the source, its format and what failed, with the original bytes.
 */
public final class RawLogDeserializer implements KafkaRecordDeserializationSchema<DecodedRecord> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String service;
    private final String formatName;
    private final LogFormat format;
    private final EventTimeRules eventTime;
    private final SourceDeadLetters dead;

    private transient CompactEvent scratch;
    private transient CompactCodec codec;
    private transient java.util.List<DecodedRecord> pending;
    // The record being parsed, for the one collecting consumer built in open: no lambda per record.
    private transient ConsumerRecord<byte[], byte[]> current;
    private transient java.util.function.Consumer<CompactEvent> collect;

    public RawLogDeserializer(
            String source,
            String service,
            String formatName,
            LogFormat format,
            int maxRecordBytes,
            int deadLetterMaxBytes,
            EventTimeRules eventTime) {
        this.source = source;
        this.service = service;
        this.formatName = formatName;
        this.format = format;
        this.eventTime = eventTime;
        this.dead = new SourceDeadLetters(maxRecordBytes, deadLetterMaxBytes);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        open(context.getMetricGroup());
    }

    private void open(org.apache.flink.metrics.MetricGroup metrics) {
        dead.open(metrics);
        scratch = new CompactEvent();
        codec = new CompactCodec();
        pending = new java.util.ArrayList<>();
        collect = e -> pending.add(checked(current, e));
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedRecord> out)
            throws IOException {
        if (!dead.isOpen()) {
            // Tests may call deserialize without open; metrics are then not reported.
            open(new org.apache.flink.metrics.groups.UnregisteredMetricsGroup());
        }
        DecodedRecord unusable = dead.unusable(record, false);
        if (unusable != null) {
            out.collect(unusable);
            return;
        }
        byte[] value = record.value();
        pending.clear();
        scratch.reset(record.timestamp(), service);
        try {
            current = record;
            format.parse(value, record.timestamp(), scratch, collect);
        } catch (UnparseableException e) {
            out.collect(unparseable(record, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // A parser bug must not stop the job on this record forever: say which and go on.
            out.collect(unparseable(record, "the parser failed: " + e));
            return;
        }
        // Emitted outside the parse, so a failure downstream is never taken for the record's.
        for (DecodedRecord r : pending) {
            out.collect(r);
        }
    }

    private DecodedRecord unparseable(ConsumerRecord<byte[], byte[]> record, String why) {
        return dead.of(
                record,
                DeadLetterReason.UNPARSEABLE,
                formatName + " source '" + source + "': " + why,
                -1);
    }

    /** The shuffled event of one parsed event, or its dead letter for an absurd time. */
    private DecodedRecord checked(ConsumerRecord<byte[], byte[]> record, CompactEvent e) {
        String badTime =
                eventTime.violation(e.timestamp, record.timestamp(), System.currentTimeMillis());
        if (badTime != null) {
            return dead.of(record, DeadLetterReason.BAD_TIMESTAMP, badTime, -1);
        }
        if (e.message == null) {
            e.message = "";
        }
        dead.used();
        return DecodedRecord.of(
                new ShuffledEvent(
                        e.service,
                        e.timestamp,
                        codec.encode(e),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp(),
                        record.key()));
    }

    @Override
    public TypeInformation<DecodedRecord> getProducedType() {
        return TypeInformation.of(DecodedRecord.class);
    }
}
