package io.logflow.bench;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import io.logflow.jobs.analytics.WindowSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code bin/logflow bench}: runs the whole benchmark and writes its results under {@code
 * bench/results/}; {@code --jmh} runs the JMH microbenchmarks instead.
 */
public final class BenchMain {

    static final ConfigOption<Long> EVENTS =
            key("events")
                    .longType()
                    .defaultValue(BenchSettings.DEFAULT_EVENTS)
                    .withDescription("Events preloaded and measured.");
    static final ConfigOption<Integer> SERVICES =
            key("services")
                    .intType()
                    .defaultValue(0)
                    .withDescription("Distinct services; 0 = the generator's six-service shop.");
    static final ConfigOption<Boolean> SMALL =
            key("small")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "%,d events and a short latency probe: proves the harness.",
                                    BenchSettings.SMALL_EVENTS));
    static final ConfigOption<String> HEAP =
            key("heap")
                    .stringType()
                    .defaultValue("2g")
                    .withDescription(
                            "-Xms/-Xmx of every scenario JVM; 100,000 services at 5M events may"
                                    + " need more.");
    static final ConfigOption<String> RESULTS =
            key("results")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Where the markdown table and chart go; default bench/results.");
    static final ConfigOption<Boolean> PROFILE =
            key("profile")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Record each LogFlow scenario with JFR; its top frames go to"
                                    + " <results>-profile.md.");
    static final ConfigOption<Boolean> SCALE_ONLY =
            key("scale-only")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Only the scale runs (10, 1,000 and 100,000 services; results in"
                                    + " <date>-<host>-scale.md).");

    static final ConfigOption<String> SCALE_WINDOWS =
            key("scale-windows")
                    .stringType()
                    .defaultValue(BenchSettings.DEFAULT_WINDOWS)
                    .withDescription(
                            "The job's window definitions in the scale runs, e.g."
                                    + " 'tumbling:1m;sliding:5m/1m' (the throughput runs keep the"
                                    + " Kafka Streams peers' tumbling window).");

    static final ToolArgs ARGS =
            ToolArgs.of(
                    "logflow bench",
                    EVENTS,
                    SERVICES,
                    SMALL,
                    HEAP,
                    RESULTS,
                    PROFILE,
                    SCALE_ONLY,
                    SCALE_WINDOWS);

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            List<String> jmh = new ArrayList<>(List.of(args).subList(1, args.length));
            org.openjdk.jmh.Main.main(jmh.toArray(new String[0]));
            return;
        }
        if (ToolArgs.wantsHelp(args)) {
            System.out.println(usage());
            return;
        }
        BenchSettings settings;
        try {
            settings = settings(args, Path.of(System.getProperty("logflow.home", ".")));
        } catch (IllegalArgumentException e) {
            System.err.println("logflow bench: " + e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        BenchOutcome outcome = new BenchRun(settings, System.out).run();
        System.out.println(
                "Results: "
                        + outcome.markdown()
                        + (outcome.chart() == null ? "" : " and " + outcome.chart()));
        System.exit(0);
    }

    /**
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static BenchSettings settings(String[] args, Path root) {
        Configuration conf = ARGS.parse(args);
        boolean small = conf.get(SMALL);
        long events =
                small && !conf.contains(EVENTS) ? BenchSettings.SMALL_EVENTS : conf.get(EVENTS);
        if (events < 1) {
            throw ToolArgs.invalid(EVENTS, events, "a number >= 1");
        }
        int services = conf.get(SERVICES);
        if (services < 0) {
            throw ToolArgs.invalid(SERVICES, services, "a number >= 0");
        }
        String heap = conf.get(HEAP);
        if (!heap.matches("[0-9]+[kKmMgG]?")) {
            throw ToolArgs.invalid(HEAP, heap, "a JVM heap size such as 4g");
        }
        BenchSettings settings =
                BenchSettings.defaults(events, services, small, root).withHeap(heap);
        if (conf.contains(RESULTS)) {
            settings = settings.withResultsDir(Path.of(conf.get(RESULTS)));
        }
        if (conf.get(PROFILE)) {
            settings = settings.withProfile();
        }
        String windows = conf.get(SCALE_WINDOWS);
        try {
            for (String w : windows.split(";")) {
                WindowSpec.parse(w.trim());
            }
        } catch (IllegalArgumentException e) {
            throw ToolArgs.invalid(SCALE_WINDOWS, e.getMessage());
        }
        settings = settings.withScaleWindows(windows);
        return conf.get(SCALE_ONLY) ? settings.withScaleOnly() : settings;
    }

    static String usage() {
        return ARGS.usage()
                + "\n       logflow bench --jmh [JMH options, e.g. -f 1 -wi 3 -i 5 Decode]";
    }
}
