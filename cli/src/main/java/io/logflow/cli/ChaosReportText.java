package io.logflow.cli;

import java.util.Locale;

/** A chaos run's report as the markdown that the command prints and writes. */
final class ChaosReportText {

    private ChaosReportText() {}

    static String markdown(ChaosRun.Report r) {
        ChaosRun.Settings s = r.settings();
        StringBuilder b = new StringBuilder();
        b.append("# Chaos run\n\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "%,d events at %,d/s into 2 partitions; analytics job with tumbling:1m"
                                + " windows, checkpoints every 2 s, exactly-once Kafka and file"
                                + " sinks; %d round(s) of faults, broker outages of %d s.%n%n",
                        s.events(),
                        s.perSecond(),
                        s.rounds(),
                        s.outage().toSeconds()));
        b.append(
                "| # | at | events sent | fault | detail | running and checkpointed again after"
                        + " |\n");
        b.append("|---|---|---|---|---|---|\n");
        int i = 0;
        for (ChaosFaults.Fault f : r.faults()) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %.0f s | %,d | %s | %s | %.1f s |%n",
                            ++i,
                            f.atSeconds(),
                            f.eventsSent(),
                            f.kind(),
                            f.detail(),
                            f.recoverySeconds()));
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "%nFaults injected: %d; broker restarts the job felt (failed or waiting"
                                + " checkpoints): %d. Events in: %,d acknowledged by the broker"
                                + " (plus one closing event per partition), %,d failed sends.%n%n",
                        r.faults().size(),
                        r.brokerOutagesFelt(),
                        r.acknowledged() - ChaosInput.PARTITIONS,
                        r.failedSends()));
        b.append(
                "| output | windows expected | windows seen | results lost | results duplicated"
                        + " | events lost | events counted twice |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (ChaosResults.Comparison c : r.outputs()) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,d | %,d | %d | %d | %d | %d |%n",
                            c.output(),
                            c.windowsExpected(),
                            c.windowsSeen(),
                            c.resultsLost(),
                            c.resultsDuplicated(),
                            c.eventsLost(),
                            c.eventsCountedTwice()));
        }
        b.append("\nVerdict: ").append(r.exact() ? "EXACT" : "NOT EXACT").append('\n');
        return b.toString();
    }
}
