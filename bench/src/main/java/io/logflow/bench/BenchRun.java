package io.logflow.bench;

import io.logflow.devstack.generator.GeneratorReport;
import io.logflow.devstack.generator.TrafficConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The whole benchmark, one scenario after another on the same preloaded topic: input ceiling,
 * LogFlow at parallelism 1 and 2 with real and discarding sinks, the Kafka Streams DSL and
 * Processor API peers with 1 and 2 threads, then latency at half capacity and scale with more
 * services.
 */
public final class BenchRun {

    static final String TOPIC = "bench-logs";
    static final String WARMUP_TOPIC = "bench-warmup";
    static final String CONSUME = "consume-only";
    static final String CEILING = "consume+decode";
    static final long SCALE_CHECKPOINT_MILLIS = 1000;

    private final BenchSettings settings;
    private final PrintStream console;

    public BenchRun(BenchSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    public BenchOutcome run() throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // Checkpoints, file output and Kafka Streams state of an earlier run only take space.
        deleteRecursively(settings.workDir());
        ScenarioRunner runner =
                new ScenarioRunner(
                        settings.heap(),
                        settings.workDir().resolve("logs"),
                        settings.profile() ? settings.workDir().resolve("profiles") : null);
        try (BenchStack stack = BenchStack.start()) {
            console.printf("Kafka %s, registry %s%n", stack.bootstrap(), stack.registryUrl());
            stack.createTopics(TOPIC, WARMUP_TOPIC);
            List<String> services = services(settings.services());
            GeneratorReport report =
                    settings.scaleOnly()
                            ? null
                            : preload(stack, TOPIC, settings.events(), services, 42);
            long warmupEvents = 0;
            if (settings.warmupEvents() > 0) {
                warmupEvents =
                        preload(stack, WARMUP_TOPIC, settings.warmupEvents(), services, 43)
                                .validEvents();
            }
            ScenarioArgs base =
                    baseArgs(stack, report == null ? 0 : report.validEvents(), warmupEvents);

            List<ScenarioResult> rows = new ArrayList<>();
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            LatencyProbe.Result latency = null;
            if (!settings.scaleOnly()) {
                throughput(runner, stack, base, rows, counts);
                double capacity = find(rows, "logflow-p1-eos").eventsPerSecond();
                console.printf(
                        "Latency probe at %.0f events/s (half the p=1 capacity)...%n",
                        capacity / 2);
                latency = LatencyProbe.run(stack, runner, base, settings, capacity / 2, services);
            }

            List<ScenarioResult> scale = new ArrayList<>();
            for (int k : settings.scaleServices()) {
                String topic = "bench-scale-" + k;
                stack.createTopics(topic);
                preload(stack, topic, settings.scaleEvents(), names(k), 44);
                // Checkpoints every second, so that the state is caught mid-run even in short runs.
                ScenarioArgs scaleArgs =
                        base.copy()
                                .with(ScenarioArgs.TOPIC, topic)
                                .with(ScenarioArgs.WINDOWS, settings.scaleWindows())
                                .with(ScenarioArgs.EXPECTED, settings.scaleEvents())
                                .with(
                                        ScenarioArgs.CHECKPOINT_INTERVAL,
                                        Duration.ofMillis(SCALE_CHECKPOINT_MILLIS));
                scale.add(
                        measure(
                                runner,
                                scaleArgs,
                                "scale-" + k + "-services",
                                "logflow",
                                a ->
                                        a.with(ScenarioArgs.PARALLELISM, 1)
                                                .with(ScenarioArgs.SINK, "discard")));
            }

            BenchReport.Written written =
                    new BenchReport(
                                    settings,
                                    rows,
                                    latency,
                                    scale,
                                    report == null ? Map.of() : report.validByService(),
                                    counts,
                                    load)
                            .write();
            console.println(written.table());
            if (settings.profile()) {
                writeProfiles(runner, rows, scale, written.markdown());
            }
            return new BenchOutcome(
                    rows,
                    latency,
                    scale,
                    report == null ? Map.of() : report.validByService(),
                    counts,
                    written.markdown(),
                    written.chart());
        }
    }

    /**
     * Ceiling, LogFlow at parallelism 1 and 2, then both Kafka Streams peers, into {@code rows}.
     */
    private void throughput(
            ScenarioRunner runner,
            BenchStack stack,
            ScenarioArgs base,
            List<ScenarioResult> rows,
            Map<String, Map<String, Long>> counts)
            throws Exception {
        ScenarioResult consumeOnly = measure(runner, base, CONSUME, "consume", a -> a);
        long topicBytes = consumeOnly.bytes();
        rows.add(consumeOnly);
        rows.add(measure(runner, base, CEILING, "decode", a -> a));
        for (int p : List.of(1, 2)) {
            // "windows": exactly-once sinks, templates and alerts off — the Kafka Streams
            // peers' work, so the engines are compared on equal work.
            for (String sink : List.of("eos", "discard", "windows")) {
                String name = "logflow-p" + p + "-" + sink;
                rows.add(
                        measure(
                                        runner,
                                        base,
                                        name,
                                        "logflow",
                                        a ->
                                                a.with(ScenarioArgs.PARALLELISM, p)
                                                        .with(ScenarioArgs.SINK, sink))
                                .withBytes(topicBytes));
                if (!sink.equals("discard")) {
                    counts.put(name, stack.countsByService(LogFlowScenario.metricsTopic(name)));
                }
            }
        }
        rows.add(rawFormat(runner, stack, base, "nginx", counts));
        for (String kind : List.of("kstreams", "kstreams-papi")) {
            for (int threads : List.of(1, 2)) {
                String name = kind + "-t" + threads;
                rows.add(
                        measure(
                                        runner,
                                        base,
                                        name,
                                        kind,
                                        a -> a.with(ScenarioArgs.THREADS, threads))
                                .withBytes(topicBytes));
                counts.put(name, stack.countsByService(LogFlowScenario.metricsTopic(name)));
            }
        }
    }

    /**
     * The job at parallelism 1 with its real sinks on the same traffic written as {@code format}
     * lines by the generator (same seed) and read by a raw source of that format: what parsing
     * costs next to the Avro decode of {@code logflow-p1-eos}. Its bytes are its own topic's.
     */
    private ScenarioResult rawFormat(
            ScenarioRunner runner,
            BenchStack stack,
            ScenarioArgs base,
            String format,
            Map<String, Map<String, Long>> counts)
            throws Exception {
        String topic = "bench-" + format;
        String warmup = "bench-" + format + "-warmup";
        stack.createTopics(topic, warmup);
        List<String> services = services(settings.services());
        long events =
                stack.preload(
                                topic,
                                settings.events(),
                                services,
                                settings.eventTimeSpan(),
                                42,
                                format)
                        .validEvents();
        long warmupEvents = 0;
        if (settings.warmupEvents() > 0) {
            warmupEvents =
                    stack.preload(
                                    warmup,
                                    settings.warmupEvents(),
                                    services,
                                    settings.eventTimeSpan(),
                                    43,
                                    format)
                            .validEvents();
        }
        ScenarioArgs args =
                base.copy()
                        .with(ScenarioArgs.TOPIC, topic)
                        .with(ScenarioArgs.WARMUP_TOPIC, warmup)
                        .with(ScenarioArgs.EXPECTED, events)
                        .with(ScenarioArgs.WARMUP_EXPECTED, warmupEvents)
                        .with(ScenarioArgs.FORMAT, format);
        ScenarioResult consumed = measure(runner, args, CONSUME + "-" + format, "consume", a -> a);
        String name = "logflow-p1-" + format;
        ScenarioResult result =
                measure(
                                runner,
                                args,
                                name,
                                "logflow",
                                a ->
                                        a.with(ScenarioArgs.PARALLELISM, 1)
                                                .with(ScenarioArgs.SINK, "eos"))
                        .withBytes(consumed.bytes());
        counts.put(name, stack.countsByService(LogFlowScenario.metricsTopic(name)));
        return result;
    }

    /** One section per LogFlow scenario with the top frames of its recording. */
    private void writeProfiles(
            ScenarioRunner runner,
            List<ScenarioResult> rows,
            List<ScenarioResult> scale,
            Path markdown)
            throws IOException {
        StringBuilder out =
                new StringBuilder("# JFR profiles of ")
                        .append(markdown.getFileName())
                        .append("\n\nEach LogFlow scenario JVM ran with `-XX:StartFlightRecording=")
                        .append("settings=profile` (warm-up and measured run; every thread).\n\n");
        List<ScenarioResult> all = new ArrayList<>(rows);
        all.addAll(scale);
        for (ScenarioResult r : all) {
            Path jfr = runner.recording(r.scenario());
            if (r.scenario().startsWith("logflow") || r.scenario().startsWith("scale")) {
                if (Files.exists(jfr)) {
                    out.append(ProfileSummary.of(jfr).markdown(r.scenario(), 15));
                }
            }
        }
        Path file =
                markdown.resolveSibling(
                        markdown.getFileName().toString().replace(".md", "-profile.md"));
        Files.writeString(file, out.toString());
        console.println("Profiles: " + file);
    }

    private GeneratorReport preload(
            BenchStack stack, String topic, long count, List<String> services, long seed) {
        console.printf("Preloading %,d events into %s...%n", count, topic);
        GeneratorReport report =
                stack.preload(topic, count, services, settings.eventTimeSpan(), seed);
        console.printf("  %s%n", report.progressLine());
        return report;
    }

    private ScenarioResult measure(
            ScenarioRunner runner,
            ScenarioArgs base,
            String name,
            String kind,
            UnaryOperator<ScenarioArgs> extra)
            throws IOException, InterruptedException {
        console.printf("Running %s...%n", name);
        ScenarioArgs args =
                extra.apply(
                        base.copy()
                                .with(ScenarioArgs.SCENARIO, name)
                                .with(ScenarioArgs.KIND, kind));
        long started = System.nanoTime();
        ScenarioResult result = runner.run(args);
        console.printf(
                "  %,.0f events/s, %.2f CPU-s per 1M events, peak heap %,d MB (JVM took %.1f s)%n",
                result.eventsPerSecond(),
                result.cpuSecondsPerMillion(),
                result.peakHeapBytes() >> 20,
                (System.nanoTime() - started) / 1e9);
        return result;
    }

    private ScenarioArgs baseArgs(BenchStack stack, long expected, long warmupEvents) {
        return new ScenarioArgs()
                .with(ScenarioArgs.BOOTSTRAP, stack.bootstrap())
                .with(ScenarioArgs.REGISTRY, stack.registryUrl())
                .with(ScenarioArgs.TOPIC, TOPIC)
                .with(ScenarioArgs.WARMUP_TOPIC, WARMUP_TOPIC)
                .with(ScenarioArgs.EXPECTED, expected)
                .with(ScenarioArgs.WARMUP_EXPECTED, warmupEvents)
                .with(ScenarioArgs.WORK_DIR, settings.workDir().toString())
                .with(ScenarioArgs.WINDOWS, BenchSettings.DEFAULT_WINDOWS)
                .with(ScenarioArgs.WINDOW, BenchSettings.WINDOW)
                .with(ScenarioArgs.OUT_OF_ORDERNESS, BenchSettings.OUT_OF_ORDERNESS)
                .with(ScenarioArgs.ALLOWED_LATENESS, BenchSettings.ALLOWED_LATENESS)
                .with(ScenarioArgs.CHECKPOINT_INTERVAL, settings.checkpointInterval())
                .with(ScenarioArgs.PARALLELISM, 1)
                .with(ScenarioArgs.THREADS, 1)
                .with(ScenarioArgs.SINK, "eos");
    }

    /** The generator's built-in shop for 0 (or up to its six), else {@code k} plain services. */
    static List<String> services(int k) {
        List<String> shop = TrafficConfig.builder().build().services();
        if (k <= 0) {
            return shop;
        }
        return k <= shop.size() ? shop.subList(0, k) : names(k);
    }

    /**
     * {@code k} distinct service names; the generator gives names outside its shop a CRUD profile.
     */
    static List<String> names(int k) {
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(String.format("svc-%06d", i));
        }
        return names;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static ScenarioResult find(List<ScenarioResult> rows, String name) {
        return rows.stream().filter(r -> r.scenario().equals(name)).findFirst().orElseThrow();
    }
}
