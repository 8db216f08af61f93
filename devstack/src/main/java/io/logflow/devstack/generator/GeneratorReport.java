package io.logflow.devstack.generator;

import io.logflow.schema.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run sent, to the record: valid events by service and level, malformed records by
 * kind, v2 and late events, and the producer's acknowledgements. Tests compare pipeline output
 * against it.
 */
public final class GeneratorReport {

    private final long totalRecords;
    private final Map<String, Map<Level, Long>> validByServiceAndLevel;
    private final Map<RecordKind, Long> recordsByKind;
    private final long lateEvents;
    private final long ackedRecords;
    private final long failedRecords;
    private final String firstFailure;
    private final Duration elapsed;
    private final Instant eventTimeStart;
    private final Instant eventTimeEnd;

    GeneratorReport(
            long totalRecords,
            Map<String, Map<Level, Long>> validByServiceAndLevel,
            Map<RecordKind, Long> recordsByKind,
            long lateEvents,
            long ackedRecords,
            long failedRecords,
            String firstFailure,
            Duration elapsed,
            Instant eventTimeStart,
            Instant eventTimeEnd) {
        this.totalRecords = totalRecords;
        this.validByServiceAndLevel = Collections.unmodifiableMap(validByServiceAndLevel);
        this.recordsByKind = Collections.unmodifiableMap(recordsByKind);
        this.lateEvents = lateEvents;
        this.ackedRecords = ackedRecords;
        this.failedRecords = failedRecords;
        this.firstFailure = firstFailure;
        this.elapsed = elapsed;
        this.eventTimeStart = eventTimeStart;
        this.eventTimeEnd = eventTimeEnd;
    }

    /** Every record handed to the producer, valid or not; {@link #failedRecords()} among them. */
    public long totalRecords() {
        return totalRecords;
    }

    public long validEvents() {
        return recordsByKind.get(RecordKind.V1) + recordsByKind.get(RecordKind.V2);
    }

    /** Valid events per service, in configuration order; services that sent none count 0. */
    public Map<String, Long> validByService() {
        Map<String, Long> out = new LinkedHashMap<>();
        validByServiceAndLevel.forEach(
                (service, levels) ->
                        out.put(
                                service,
                                levels.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    public Map<Level, Long> validByLevel() {
        Map<Level, Long> out = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            out.put(level, 0L);
        }
        validByServiceAndLevel
                .values()
                .forEach(levels -> levels.forEach((l, n) -> out.merge(l, n, Long::sum)));
        return out;
    }

    public Map<String, Map<Level, Long>> validByServiceAndLevel() {
        return validByServiceAndLevel;
    }

    /** Records per kind, valid kinds included. */
    public Map<RecordKind, Long> recordsByKind() {
        return recordsByKind;
    }

    public long malformedRecords() {
        return totalRecords - validEvents();
    }

    public long v2Events() {
        return recordsByKind.get(RecordKind.V2);
    }

    /** Valid events stamped far in the past (see {@link TrafficConfig#lateByMillis()}). */
    public long lateEvents() {
        return lateEvents;
    }

    public long ackedRecords() {
        return ackedRecords;
    }

    /** Records the producer could not deliver. */
    public long failedRecords() {
        return failedRecords;
    }

    /** The first delivery failure, or null. */
    public String firstFailure() {
        return firstFailure;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? totalRecords / seconds : 0;
    }

    /** Event time of the first slot, before disorder. */
    public Instant eventTimeStart() {
        return eventTimeStart;
    }

    /** Event time of the last slot sent, before disorder. */
    public Instant eventTimeEnd() {
        return eventTimeEnd;
    }

    /** One line for progress output. */
    public String progressLine() {
        return String.format(
                "sent %,d records (%,.0f/s), acked %,d, failed %,d, event time %s",
                totalRecords, recordsPerSecond(), ackedRecords, failedRecords, eventTimeEnd);
    }

    /** A few lines for the end of a run. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "Sent %,d records in %.1f s (%,.0f/s): %,d valid events (%,d v2, %,d late),"
                            + " %,d malformed (bad magic %,d, truncated Avro %,d, unknown schema id"
                            + " %,d)%n",
                        totalRecords,
                        elapsed.toNanos() / 1e9,
                        recordsPerSecond(),
                        validEvents(),
                        v2Events(),
                        lateEvents,
                        malformedRecords(),
                        recordsByKind.get(RecordKind.BAD_MAGIC),
                        recordsByKind.get(RecordKind.TRUNCATED_AVRO),
                        recordsByKind.get(RecordKind.UNKNOWN_SCHEMA_ID)));
        b.append(
                String.format(
                        "  acked %,d, failed %,d%s%n",
                        ackedRecords,
                        failedRecords,
                        firstFailure == null ? "" : " (first: " + firstFailure + ")"));
        b.append("  by service: ").append(validByService()).append(System.lineSeparator());
        b.append("  by level:   ").append(validByLevel()).append(System.lineSeparator());
        b.append("  event time: ").append(eventTimeStart).append(" .. ").append(eventTimeEnd);
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
