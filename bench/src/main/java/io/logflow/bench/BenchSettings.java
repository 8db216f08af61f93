package io.logflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one benchmark run uses, parsed once from {@code bin/logflow bench} arguments.
 *
 * @param events events preloaded into the benchmark topic
 * @param services distinct services in the benchmark topic; 0 is the generator's six-service shop
 * @param warmupEvents events of the warm-up topic each scenario JVM runs first; 0 skips warm-up
 * @param eventTimeSpan event time the benchmark topic covers, so windows are realistic in number
 * @param heap {@code -Xmx} of every scenario JVM
 * @param checkpointInterval checkpoint interval of the throughput runs (and Kafka Streams commits)
 * @param latencyDuration how long the generator runs at half capacity for the latency probe
 * @param latencyCheckpointInterval checkpoint interval of the latency probe's job
 * @param scaleServices service counts of the scale runs
 * @param scaleEvents events per scale topic
 * @param resultsDir where the markdown table and chart are written
 * @param workDir scratch space: checkpoints, file output, logs
 * @param label marks results that are not a full default run, e.g. "medium run"
 * @param profile record each LogFlow scenario with JFR and write its top frames
 * @param scaleOnly run only the scale runs: the 100,000-vs-10-services ratio in minutes
 * @param scaleWindows the job's window definitions in the scale runs
 */
public record BenchSettings(
        long events,
        int services,
        long warmupEvents,
        Duration eventTimeSpan,
        String heap,
        Duration checkpointInterval,
        Duration latencyDuration,
        Duration latencyCheckpointInterval,
        List<Integer> scaleServices,
        long scaleEvents,
        Path resultsDir,
        Path workDir,
        String label,
        boolean profile,
        boolean scaleOnly,
        String scaleWindows) {

    /** The window definition of every run (and the Kafka Streams peer's window size). */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** {@link #WINDOW} as the job's windows option. */
    public static final String DEFAULT_WINDOWS = "tumbling:" + WINDOW.toMinutes() + "m";

    /** The latency probe's windows: short, so that 60-90 s give enough results to rank. */
    public static final Duration LATENCY_WINDOW = Duration.ofSeconds(10);

    /** The job's default watermark out-of-orderness and allowed lateness. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    public static final Duration ALLOWED_LATENESS = Duration.ofMinutes(1);

    /** How far the generator jitters timestamps back: inside the out-of-orderness, so none late. */
    public static final Duration JITTER = Duration.ofSeconds(2);

    static final long DEFAULT_EVENTS = 5_000_000;
    static final long SMALL_EVENTS = 200_000;

    /** Defaults for {@code events}; small mode shortens the latency probe and the scale runs. */
    public static BenchSettings defaults(long events, int services, boolean small, Path root) {
        return new BenchSettings(
                events,
                services,
                // 2N/5: at N/5 the 5M run's profile showed C2 still compiling at half a core
                // through the measured part of every LogFlow scenario.
                small ? 0 : Math.max(10_000, Math.min(events * 2 / 5, 2_000_000)),
                Duration.ofMinutes(20),
                BenchMain.HEAP.defaultValue(),
                Duration.ofSeconds(5),
                small ? Duration.ofSeconds(30) : Duration.ofSeconds(75),
                Duration.ofSeconds(2),
                List.of(10, 1_000, 100_000),
                events,
                root.resolve("bench/results"),
                root.resolve(".logflow/bench"),
                events == DEFAULT_EVENTS
                        ? ""
                        : String.format(
                                java.util.Locale.ROOT,
                                "A %,d-event run, not the full default of %,d events: compare"
                                        + " its figures only with each other",
                                events,
                                DEFAULT_EVENTS),
                false,
                false,
                DEFAULT_WINDOWS);
    }

    public BenchSettings withResultsDir(Path dir) {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                heap,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                dir,
                workDir,
                label,
                profile,
                scaleOnly,
                scaleWindows);
    }

    public BenchSettings withHeap(String size) {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                size,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                resultsDir,
                workDir,
                label,
                profile,
                scaleOnly,
                scaleWindows);
    }

    public BenchSettings withWorkDir(Path dir) {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                heap,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                resultsDir,
                dir,
                label,
                profile,
                scaleOnly,
                scaleWindows);
    }

    public BenchSettings withProfile() {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                heap,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                resultsDir,
                workDir,
                label,
                true,
                scaleOnly,
                scaleWindows);
    }

    public BenchSettings withScaleOnly() {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                heap,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                resultsDir,
                workDir,
                label.isEmpty() ? "Scale runs only" : label + "; scale runs only",
                profile,
                true,
                scaleWindows);
    }

    /** These settings with the scale runs' job on {@code windows} (e.g. two definitions). */
    public BenchSettings withScaleWindows(String windows) {
        return new BenchSettings(
                events,
                services,
                warmupEvents,
                eventTimeSpan,
                heap,
                checkpointInterval,
                latencyDuration,
                latencyCheckpointInterval,
                scaleServices,
                scaleEvents,
                resultsDir,
                workDir,
                label,
                profile,
                scaleOnly,
                windows);
    }

    /** Events per second of event time that spread {@code count} events over the span. */
    double eventTimeRate(long count) {
        return Math.max(1.0, count / (double) eventTimeSpan.toSeconds());
    }
}
