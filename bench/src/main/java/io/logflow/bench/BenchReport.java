package io.logflow.bench;

import com.sun.management.OperatingSystemMXBean;
import io.logflow.devstack.generator.LineRenderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's results as {@code bench/results/<yyyy-MM-dd>-<host>.md} (machine, settings,
 * tables) and a bar chart of the throughput rows next to it.
 */
final class BenchReport {

    private final BenchSettings settings;
    private final List<ScenarioResult> rows;
    private final LatencyProbe.Result latency;
    private final List<ScenarioResult> scale;
    private final Map<String, Long> expected;
    private final Map<String, Map<String, Long>> counts;
    private final double loadAtStart;

    BenchReport(
            BenchSettings settings,
            List<ScenarioResult> rows,
            LatencyProbe.Result latency,
            List<ScenarioResult> scale,
            Map<String, Long> expected,
            Map<String, Map<String, Long>> counts,
            double loadAtStart) {
        this.settings = settings;
        this.rows = rows;
        this.latency = latency;
        this.scale = scale;
        this.expected = expected;
        this.counts = counts;
        this.loadAtStart = loadAtStart;
    }

    /** Paths of what {@link #write()} produced, and the main table for the console. */
    record Written(Path markdown, Path chart, String table) {}

    Written write() throws IOException {
        Files.createDirectories(settings.resultsDir());
        String base =
                LocalDate.now(ZoneOffset.UTC) + "-" + host() + (rows.isEmpty() ? "-scale" : "");
        Path markdown = settings.resultsDir().resolve(base + ".md");
        if (rows.isEmpty()) {
            String table = scaleTable();
            Files.writeString(markdown, document(table, null));
            return new Written(markdown, null, table);
        }
        Path chart = settings.resultsDir().resolve(base + ".png");
        String table = throughputTable();
        Files.writeString(markdown, document(table, chart.getFileName().toString()));
        BenchChart.write(rows, ceiling(), chart);
        return new Written(markdown, chart, table);
    }

    private String document(String table, String chartName) {
        StringBuilder md = new StringBuilder();
        md.append("# LogFlow benchmark, ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
        if (!settings.label().isEmpty()) {
            md.append("\n> **").append(settings.label()).append("**\n");
        }
        md.append("\n## Machine\n\n").append(machine());
        // Other work on the machine distorts every figure; this shows how quiet it was.
        md.append(
                String.format(
                        Locale.ROOT, "- load average (1 min) before the run: %.2f%n", loadAtStart));
        md.append("\n## Settings\n\n");
        md.append(settingsText());
        if (!rows.isEmpty()) {
            throughputAndLatency(md, table, chartName);
        }
        md.append(scaleTable());
        if (expected.isEmpty()) {
            return md.toString();
        }
        md.append("\n## Correctness\n\n");
        long sent = expected.values().stream().mapToLong(Long::longValue).sum();
        md.append(String.format(Locale.ROOT, "The generator sent %,d valid events.%n%n", sent));
        counts.forEach(
                (scenario, byService) ->
                        md.append("- ")
                                .append(scenario)
                                .append(": per-service totals ")
                                .append(
                                        byService.equals(expectedOf(scenario, sent))
                                                ? "match the generator exactly"
                                                : "DIFFER from the generator: " + byService)
                                .append('\n'));
        return md.toString();
    }

    private void throughputAndLatency(StringBuilder md, String table, String chartName) {
        md.append("\n## Throughput\n\n").append(table);
        if (rows.stream().anyMatch(r -> r.scenario().startsWith("kstreams-papi"))) {
            md.append(
                    "\n`kstreams-papi-*`: Kafka Streams' Processor API with the window accumulators"
                            + " on the heap only, each window emitted once when closed: not fault"
                            + " tolerant, the upper bound of Kafka Streams, not a production"
                            + " equivalent.\n");
        }
        md.append("\n![throughput](").append(chartName).append(")\n");
        md.append("\n## Latency at half capacity\n\n");
        md.append("| rate (events/s) | window results | p50 (ms) | p99 (ms) | max (ms) |\n");
        md.append("|---:|---:|---:|---:|---:|\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "| %,.0f | %d | %d | %d | %d |%n",
                        latency.rate(),
                        latency.results(),
                        latency.p50Millis(),
                        latency.p99Millis(),
                        latency.maxMillis()));
        md.append("\n").append(latency.note()).append(".\n");
    }

    private String scaleTable() {
        StringBuilder t = new StringBuilder();
        t.append("\n## Scale (LogFlow, parallelism 1, discarding sink)\n\n");
        t.append(
                String.format(
                        Locale.ROOT,
                        "Windows `%s`; checkpoints every %d ms; the state column is the largest"
                                + " full state size among the run's completed checkpoints.%n%n",
                        settings.scaleWindows(),
                        BenchRun.SCALE_CHECKPOINT_MILLIS));
        t.append(
                "| scenario | events/s | CPU-s per 1M events | peak heap (MB) | peak after GC (MB)"
                        + " | max checkpointed state (MB) | checkpoints |\n");
        t.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (ScenarioResult r : scale) {
            t.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,.0f | %.2f | %,d | %,d | %s | %s |%n",
                            r.scenario(),
                            r.eventsPerSecond(),
                            r.cpuSecondsPerMillion(),
                            r.peakHeapBytes() >> 20,
                            r.peakAfterGcBytes() >> 20,
                            r.stateBytes() < 0
                                    ? "n/a"
                                    : String.format(Locale.ROOT, "%.1f", r.stateBytes() / 1e6),
                            r.note()));
        }
        return t.toString();
    }

    /**
     * What a scenario should have counted: the generator's per-service totals, or for a raw-format
     * run (named after its format) all of them under the raw source's one service.
     */
    private Map<String, Long> expectedOf(String scenario, long sent) {
        String suffix = scenario.substring(scenario.lastIndexOf('-') + 1);
        boolean raw =
                scenario.startsWith("logflow-")
                        && !suffix.equals("avro")
                        && LineRenderer.FORMATS.contains(suffix);
        return raw ? Map.of(LogFlowScenario.RAW_SERVICE, sent) : expected;
    }

    private String throughputTable() {
        double ceiling = ceiling().eventsPerSecond();
        StringBuilder t = new StringBuilder();
        t.append(
                "| scenario | events/s | MB/s | CPU-s per 1M events | peak heap (MB) | peak after"
                        + " GC (MB) | ratio to input ceiling |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : rows) {
            t.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,.0f | %.1f | %.2f | %,d | %,d | %.2f |%n",
                            r.scenario(),
                            r.eventsPerSecond(),
                            r.megabytesPerSecond(),
                            r.cpuSecondsPerMillion(),
                            r.peakHeapBytes() >> 20,
                            r.peakAfterGcBytes() >> 20,
                            r.eventsPerSecond() / ceiling));
        }
        return t.toString();
    }

    private ScenarioResult ceiling() {
        return BenchRun.find(rows, BenchRun.CEILING);
    }

    private String settingsText() {
        return String.format(
                Locale.ROOT,
                "- events: %,d (warm-up: %s); services: %s; %d partitions; event time spread over"
                    + " %d min%n- windows: tumbling %d min, out-of-orderness %d s, allowed lateness"
                    + " %d s (Kafka Streams grace = both); top-N 10%n- checkpoint interval (and"
                    + " Kafka Streams commit interval): %d ms; state on the heap in both engines%n-"
                    + " every scenario in a fresh JVM: -Xms%s -Xmx%s -XX:+UseParallelGC; broker and"
                    + " registry in the driver JVM, not measured%n",
                settings.events(),
                settings.warmupEvents() == 0
                        ? "none, a small run"
                        : String.format(
                                Locale.ROOT,
                                "a %,d-event topic, run first in every scenario JVM",
                                settings.warmupEvents()),
                settings.services() == 0 ? "the generator's six-service shop" : settings.services(),
                BenchStack.PARTITIONS,
                settings.eventTimeSpan().toMinutes(),
                BenchSettings.WINDOW.toMinutes(),
                BenchSettings.OUT_OF_ORDERNESS.toSeconds(),
                BenchSettings.ALLOWED_LATENESS.toSeconds(),
                settings.checkpointInterval().toMillis(),
                settings.heap(),
                settings.heap());
    }

    static String machine() {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(
                Locale.ROOT,
                "- host: %s%n- cores: %d%n- memory: %.1f GiB%n- Java: %s %s (%s)%n- OS: %s %s%n",
                host(),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (double) (1L << 30),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
