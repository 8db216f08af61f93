package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.TimeUtils;

/**
 * {@code bin/logflow chaos}: exactly-once under faults at scale. Runs {@link ChaosRun}, prints
 * faults injected, events in, results lost and duplicated, writes the same as markdown to {@code
 * <data-dir>/chaos/report.md}, and exits non-zero unless every result is exact.
 */
final class ChaosCommand {

    static final ConfigOption<Long> EVENTS =
            key("events").longType().defaultValue(1_000_000L).withDescription("Events produced.");
    static final ConfigOption<Integer> RATE =
            key("rate").intType().defaultValue(5_000).withDescription("Events per second, steady.");
    static final ConfigOption<Integer> ROUNDS =
            key("rounds")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Each fault this many times: TaskManager kill -9, broker restart,"
                                    + " stop-with-savepoint + resubmit at the other parallelism.");
    static final ConfigOption<Duration> OUTAGE =
            key("outage")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("How long the broker stays down.");

    static final ToolArgs ARGS =
            ToolArgs.of("bin/logflow chaos", EVENTS, RATE, ROUNDS, OUTAGE, CliOptions.DATA_DIR);

    private ChaosCommand() {}

    static String usage() {
        return ARGS.usage()
                + "\nIts own broker, registry and standalone cluster on free ports; files under"
                + " <data-dir>/chaos.";
    }

    static int run(String[] args, Console out) throws Exception {
        Configuration a = CliOptions.parse("chaos", ARGS, args, List.of());
        atLeast(a, EVENTS, 1000L);
        atLeast(a, RATE, 1);
        atLeast(a, ROUNDS, 1);
        atLeast(a, OUTAGE, Duration.ofSeconds(1));
        Path home = Path.of(System.getProperty("logflow.home", ".")).toAbsolutePath().normalize();
        Path dir = CliOptions.dataDir(a).resolve(DataDirs.CHAOS);
        deleteOwn(dir);
        ChaosRun.Settings settings =
                new ChaosRun.Settings(
                        home, dir, a.get(EVENTS), a.get(RATE), a.get(ROUNDS), a.get(OUTAGE));
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

    private static <T extends Comparable<T>> void atLeast(
            Configuration conf, ConfigOption<T> option, T min) {
        if (conf.get(option).compareTo(min) < 0) {
            String shown =
                    min instanceof Duration d
                            ? TimeUtils.formatWithHighestUnit(d).replace(" ", "")
                            : String.valueOf(min);
            String given = conf.toMap().get(option.key());
            throw new CliException(
                    "chaos: " + ToolArgs.invalid(option, given, "at least " + shown).getMessage());
        }
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
