package io.logflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/logflow bench}: runs the whole benchmark and writes its results under {@code
 * bench/results/}; {@code --jmh} runs the JMH microbenchmarks instead.
 */
public final class BenchMain {

    static final String USAGE =
            "Usage: logflow bench [--events N] [--services K] [--small] [--heap SIZE] [--results"
                + " DIR] [--profile] [--scale-only]\n"
                + "       logflow bench --jmh [JMH options, e.g. -f 1 -wi 3 -i 5 Decode]\n"
                + "  --events N    events preloaded and measured (default 5,000,000)\n"
                + "  --services K  distinct services (default: the generator's six-service shop)\n"
                + "  --small       200,000 events and a short latency probe: proves the harness\n"
                + "  --heap SIZE   -Xms/-Xmx of every scenario JVM (default 2g; 100,000 services at"
                + " 5M events\n"
                + "                may need more)\n"
                + "  --results DIR where the markdown table and chart go (default bench/results)\n"
                + "  --profile     record each LogFlow scenario with JFR; its top frames go to"
                + " <results>-profile.md\n"
                + "  --scale-only  only the scale runs (10, 1,000 and 100,000 services; results in"
                + " <date>-<host>-scale.md)";

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            List<String> jmh = new ArrayList<>(List.of(args).subList(1, args.length));
            org.openjdk.jmh.Main.main(jmh.toArray(new String[0]));
            return;
        }
        Path root = Path.of(System.getProperty("logflow.home", "."));
        long events = BenchSettings.DEFAULT_EVENTS;
        int services = 0;
        boolean small = false;
        Path results = null;
        String heap = null;
        boolean profile = false;
        boolean scaleOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = number(value(args, ++i, "--events"), "--events");
                case "--services" ->
                        services = (int) number(value(args, ++i, "--services"), "--services");
                case "--small" -> small = true;
                case "--results" -> results = Path.of(value(args, ++i, "--results"));
                case "--heap" -> heap = value(args, ++i, "--heap");
                case "--profile" -> profile = true;
                case "--scale-only" -> scaleOnly = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("Unknown option " + args[i]);
            }
        }
        if (small && events == BenchSettings.DEFAULT_EVENTS) {
            events = BenchSettings.SMALL_EVENTS;
        }
        if (events < 1 || services < 0) {
            fail("--events must be positive and --services not negative");
        }
        BenchSettings settings = BenchSettings.defaults(events, services, small, root);
        if (results != null) {
            settings = settings.withResultsDir(results);
        }
        if (heap != null) {
            if (!heap.matches("[0-9]+[kKmMgG]?")) {
                fail("--heap needs a JVM heap size such as 4g, got '" + heap + "'");
            }
            settings = settings.withHeap(heap);
        }
        if (profile) {
            settings = settings.withProfile();
        }
        if (scaleOnly) {
            settings = settings.withScaleOnly();
        }
        BenchOutcome outcome = new BenchRun(settings, System.out).run();
        System.out.println(
                "Results: "
                        + outcome.markdown()
                        + (outcome.chart() == null ? "" : " and " + outcome.chart()));
        System.exit(0);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            fail(option + " needs a whole number, got '" + text + "'");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("logflow bench: " + message + "\n" + USAGE);
        System.exit(2);
    }
}
