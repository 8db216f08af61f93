package io.logflow.jobs.analytics.functions;

import io.logflow.schema.DeadLetterReason;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a dead-letter rate loud: once per period, a line saying how many of the records read were
 * dead letters and why, and an unmistakable one when every record was (the wrong topic, the wrong
 * registry). A job that turns all of its input into dead letters looks healthy otherwise.
 */
final class DeadLetterRate {

    /** Below this many records in a period, "all of them" is not yet a pattern. */
    static final int MIN_RECORDS = 10;

    private final long periodMillis;
    private final Map<DeadLetterReason, Long> reasons = new EnumMap<>(DeadLetterReason.class);
    private long periodStart = -1;
    private long records;
    private long dead;
    private volatile double lastRatio;

    DeadLetterRate(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    /**
     * Counts one record ({@code reason} null for a good one). Returns the line to log when a period
     * with dead letters ends, else null; a line starting with "All" is an error.
     */
    String record(DeadLetterReason reason, long nowMillis) {
        String report = null;
        if (periodStart < 0) {
            periodStart = nowMillis;
        } else if (nowMillis - periodStart >= periodMillis) {
            report = report(nowMillis);
            periodStart = nowMillis;
            records = 0;
            dead = 0;
            reasons.clear();
        }
        records++;
        if (reason != null) {
            dead++;
            reasons.merge(reason, 1L, Long::sum);
        }
        return report;
    }

    private String report(long nowMillis) {
        lastRatio = records == 0 ? 0 : (double) dead / records;
        if (dead == 0) {
            return null;
        }
        long seconds = Math.max(1, (nowMillis - periodStart) / 1000);
        if (dead == records && records >= MIN_RECORDS) {
            return String.format(
                    Locale.ROOT,
                    "All %,d records read in the last %d s were dead letters %s: is input.topics"
                            + " the topic your producers write LogEvents to, and registry.url the"
                            + " registry they use?",
                    records,
                    seconds,
                    reasons);
        }
        return String.format(
                Locale.ROOT,
                "%,d of %,d records (%.2f%%) read in the last %d s were dead letters %s",
                dead,
                records,
                100.0 * lastRatio,
                seconds,
                reasons);
    }

    /** The dead-letter share of the last complete period, for a gauge. */
    double lastRatio() {
        return lastRatio;
    }
}
