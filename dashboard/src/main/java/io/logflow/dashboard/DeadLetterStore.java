package io.logflow.dashboard;

import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recent dead letters for the page's banner: how many per reason over the last few minutes (by the
 * job's processing time), with the latest detail of each reason. Kept as per-second counts, so a
 * flood of dead letters costs the same memory as a trickle. Thread-safe.
 */
final class DeadLetterStore {

    /** One reason's count in the span, and its latest detail. */
    record Reason(DeadLetterReason reason, long count, String example) {}

    private final long spanSeconds;
    private final Clock clock;
    private final long[][] buckets;
    private final long[] bucketSecond;
    private final Map<DeadLetterReason, String> examples = new EnumMap<>(DeadLetterReason.class);

    DeadLetterStore(Duration span, Clock clock) {
        this.spanSeconds = Math.max(1, span.toSeconds());
        this.clock = clock;
        this.buckets = new long[(int) spanSeconds][DeadLetterReason.values().length];
        this.bucketSecond = new long[(int) spanSeconds];
        java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    Duration span() {
        return Duration.ofSeconds(spanSeconds);
    }

    /** Counts {@code d} if the job processed it within the span; returns whether it did. */
    synchronized boolean add(DeadLetter d) {
        long second = d.getProcessedAt().getEpochSecond();
        long now = clock.instant().getEpochSecond();
        if (second <= now - spanSeconds || second > now + 60) {
            return false;
        }
        int i = (int) Math.floorMod(second, spanSeconds);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            java.util.Arrays.fill(buckets[i], 0);
        }
        buckets[i][d.getReason().ordinal()]++;
        examples.put(d.getReason(), d.getDetail());
        return true;
    }

    /** Every reason seen in the span, most frequent first. */
    synchronized List<Reason> recent() {
        long now = clock.instant().getEpochSecond();
        long[] counts = new long[DeadLetterReason.values().length];
        for (int i = 0; i < buckets.length; i++) {
            if (bucketSecond[i] > now - spanSeconds) {
                for (int r = 0; r < counts.length; r++) {
                    counts[r] += buckets[i][r];
                }
            }
        }
        List<Reason> out = new ArrayList<>();
        for (DeadLetterReason r : DeadLetterReason.values()) {
            if (counts[r.ordinal()] > 0) {
                out.add(new Reason(r, counts[r.ordinal()], examples.get(r)));
            }
        }
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }
}
