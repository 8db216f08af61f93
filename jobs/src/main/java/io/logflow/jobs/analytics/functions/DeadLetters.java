package io.logflow.jobs.analytics.functions;

import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Builds {@link DeadLetter}s that always fit their own sink: key and value are kept byte for byte
 * while they fit {@code maxBytes}; a larger value keeps its first bytes plus its original size and
 * SHA-256, so a dead letter can never be the record that fails the dead-letter producer.
 */
public final class DeadLetters implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Reasons are ours, but they quote exception messages, which may quote input. */
    static final int MAX_DETAIL_CHARS = 2000;

    private final int maxBytes;

    public DeadLetters(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A dead letter for {@code record}; {@code schemaId} is -1 when no header was read. */
    public DeadLetter of(
            ConsumerRecord<byte[], byte[]> record,
            DeadLetterReason reason,
            String detail,
            int schemaId) {
        return of(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                record.value(),
                reason,
                detail,
                schemaId);
    }

    /** A dead letter for an event that failed after the shuffle. */
    public DeadLetter of(
            ShuffledEvent event, DeadLetterReason reason, String detail, int schemaId) {
        return of(
                event.topic,
                event.partition,
                event.offset,
                event.recordTimestamp,
                event.key,
                event.value,
                reason,
                detail,
                schemaId);
    }

    private DeadLetter of(
            String topic,
            int partition,
            long offset,
            long recordTimestamp,
            byte[] key,
            byte[] value,
            DeadLetterReason reason,
            String detail,
            int schemaId) {
        StringBuilder text = new StringBuilder(capped(detail));
        // The key travels twice (as the dead letter's Kafka key and inside it). A key larger than
        // an eighth of the budget is the rare case: it keeps a prefix too.
        int keyBudget = maxBytes / 8;
        if (key != null
                && key.length > keyBudget
                && 2 * lengthOf(key) + lengthOf(value) > maxBytes) {
            text.append(" [key truncated from ").append(key.length).append(" bytes]");
            key = Arrays.copyOf(key, keyBudget);
        }
        DeadLetter.Builder b =
                DeadLetter.newBuilder()
                        .setReason(reason)
                        .setTopic(topic)
                        .setPartition(partition)
                        .setOffset(offset)
                        .setRecordTimestamp(Instant.ofEpochMilli(Math.max(0, recordTimestamp)))
                        .setSchemaId(schemaId >= 0 ? schemaId : null)
                        .setKey(key == null ? null : ByteBuffer.wrap(key))
                        .setProcessedAt(Instant.now());
        int valueBudget = maxBytes - 2 * lengthOf(key);
        if (value != null && value.length > valueBudget) {
            b.setValue(ByteBuffer.wrap(Arrays.copyOf(value, valueBudget)))
                    .setOriginalValueSize(value.length)
                    .setOriginalValueSha256(sha256(value));
            text.append(" [value truncated to its first ")
                    .append(valueBudget)
                    .append(" of ")
                    .append(value.length)
                    .append(" bytes]");
        } else {
            b.setValue(value == null ? null : ByteBuffer.wrap(value));
        }
        return b.setDetail(text.toString()).build();
    }

    private static String capped(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() <= MAX_DETAIL_CHARS
                ? detail
                : detail.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    private static int lengthOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
