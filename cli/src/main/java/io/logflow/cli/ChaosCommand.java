package io.logflow.cli;

import io.logflow.connectors.Defaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bin/logflow chaos}: exactly-once under faults at scale. Runs {@link ChaosRun}, prints
 * faults injected, events in, results lost and duplicated, writes the same as markdown to {@code
 * <data-dir>/chaos/report.md}, and exits non-zero unless every result is exact.
 */
final class ChaosCommand {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: bin/logflow chaos [--events N] [--rate N] [--rounds N] [--outage 10s]"
                            + " [--data-dir .logflow]",
                    "  --events N   events produced (default 1,000,000)",
                    "  --rate N     events per second, steady (default 5,000)",
                    "  --rounds N   each fault this many times: TaskManager kill -9, broker"
                            + " restart,",
                    "               stop-with-savepoint + resubmit at the other parallelism"
                            + " (default 2)",
                    "  --outage D   how long the broker stays down (default 10s)",
                    "Its own broker, registry and standalone cluster on free ports; files under"
                            + " <data-dir>/chaos.");

    private ChaosCommand() {}

    static int run(String[] args, Console out) throws Exception {
        CliArgs a =
                CliArgs.parse(
                        "chaos",
                        args,
                        Set.of("events", "rate", "rounds", "outage", "data-dir"),
                        Set.of());
        long events = (long) a.number("events", 1_000_000);
        int rate = (int) a.number("rate", 5_000);
        int rounds = (int) a.number("rounds", 2);
        Duration outage = Duration.ofSeconds(seconds(a.get("outage", "10s")));
        if (events < 1000 || rate < 1 || rounds < 1) {
            throw new CliException(
                    "chaos: --events must be at least 1000, --rate and --rounds at least 1");
        }
        Path home = Path.of(System.getProperty("logflow.home", ".")).toAbsolutePath().normalize();
        Path dir = a.path("data-dir", Defaults.DATA_DIR).toAbsolutePath().resolve(DataDirs.CHAOS);
        deleteOwn(dir);
        ChaosRun.Settings settings = new ChaosRun.Settings(home, dir, events, rate, rounds, outage);
        ChaosRun.Report report = new ChaosRun(settings, out::step).run();
        String text = ChaosReportText.markdown(report);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), text);
        out.info(text);
        if (!report.exact()) {
            throw new CliException("chaos: results are not exact; see " + dir.resolve("report.md"));
        }
        out.ready("every window exact under " + report.faults().size() + " faults");
        return 0;
    }

    private static long seconds(String value) {
        if (!value.matches("[0-9]+s?")) {
            throw new CliException("chaos: --outage takes seconds, e.g. 10s; got '" + value + "'");
        }
        return Long.parseLong(value.replace("s", ""));
    }

    /** A previous run's directory: only what a chaos run writes there, nothing else. */
    private static void deleteOwn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (LocalCluster.runningFrom(dir.resolve("cluster"))) {
            throw new CliException(
                    "a chaos run's cluster still runs from "
                            + dir.resolve("cluster")
                            + " (pids in its *.pid files); is another chaos run going?");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!Set.of("cluster", "files", "report.md").contains(name)) {
                    throw new CliException(
                            dir
                                    + " holds "
                                    + name
                                    + ", which a chaos run did not write; remove it"
                                    + " or pass another --data-dir");
                }
            }
        }
        DataDirs.delete(dir);
    }
}
