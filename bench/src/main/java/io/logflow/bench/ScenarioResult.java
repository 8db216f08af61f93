package io.logflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one measured scenario reports, as one JSON line on its JVM's stdout.
 *
 * @param scenario the row name in the results table
 * @param records input records processed
 * @param bytes input bytes (key and value) processed
 * @param wallNanos wall time of the measured run
 * @param cpuNanos process CPU time of the measured run, all threads
 * @param peakHeapBytes peak heap in use during the measured run, uncollected garbage included
 * @param peakAfterGcBytes peak heap left after a collection during the run: about the live set
 * @param stateBytes largest checkpointed state, or -1 when the scenario has none
 * @param note free text shown next to the row, e.g. checkpoints taken
 */
public record ScenarioResult(
        String scenario,
        long records,
        long bytes,
        long wallNanos,
        long cpuNanos,
        long peakHeapBytes,
        long peakAfterGcBytes,
        long stateBytes,
        String note) {

    /** The prefix of the line a child JVM prints its result on. */
    static final String LINE_PREFIX = "BENCH-RESULT ";

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ScenarioResult of(
            String scenario,
            long records,
            long bytes,
            Measurement.Figures figures,
            long stateBytes,
            String note) {
        return new ScenarioResult(
                scenario,
                records,
                bytes,
                figures.wallNanos(),
                figures.cpuNanos(),
                figures.peakHeapBytes(),
                figures.peakAfterGcBytes(),
                stateBytes,
                note);
    }

    public double eventsPerSecond() {
        return records / (wallNanos / 1e9);
    }

    public double megabytesPerSecond() {
        return bytes / 1e6 / (wallNanos / 1e9);
    }

    /** CPU seconds spent per million input events. */
    public double cpuSecondsPerMillion() {
        return records == 0 ? 0 : (cpuNanos / 1e9) / (records / 1e6);
    }

    /** The same figures with the byte count replaced, e.g. by the topic size the driver knows. */
    ScenarioResult withBytes(long topicBytes) {
        return new ScenarioResult(
                scenario,
                records,
                topicBytes,
                wallNanos,
                cpuNanos,
                peakHeapBytes,
                peakAfterGcBytes,
                stateBytes,
                note);
    }

    String toLine() {
        try {
            return LINE_PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScenarioResult parse(String line) {
        try {
            return JSON.readValue(line.substring(LINE_PREFIX.length()), ScenarioResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a scenario result: " + line, e);
        }
    }
}
