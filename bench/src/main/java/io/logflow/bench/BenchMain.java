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
            "Usage: logflow bench [--events N] [--services K] [--small] [--results DIR]\n"
                + "       logflow bench --jmh [JMH options, e.g. -f 1 -wi 3 -i 5 Decode]\n"
                + "  --events N    events preloaded and measured (default 5,000,000)\n"
                + "  --services K  distinct services (default: the generator's six-service shop)\n"
                + "  --small       200,000 events and a short latency probe: proves the harness\n"
                + "  --results DIR where the markdown table and chart go (default bench/results)";

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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(value(args, ++i, "--events"));
                case "--services" -> services = Integer.parseInt(value(args, ++i, "--services"));
                case "--small" -> small = true;
                case "--results" -> results = Path.of(value(args, ++i, "--results"));
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
        BenchOutcome outcome = new BenchRun(settings, System.out).run();
        System.out.println("Results: " + outcome.markdown() + " and " + outcome.chart());
        System.exit(0);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("logflow bench: " + message + "\n" + USAGE);
        System.exit(2);
    }
}
