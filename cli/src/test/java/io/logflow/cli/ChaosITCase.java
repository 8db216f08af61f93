package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small version of {@code bin/logflow chaos}: one round of each fault against the shaded job on
 * a real standalone cluster, with exact results on the topic and in the files.
 */
class ChaosITCase {

    private static final int EVENTS = 24_000;

    @TempDir Path dir;

    @Test
    void oneRoundOfEachFaultLeavesEveryWindowExact() throws Exception {
        List<String> steps = new ArrayList<>();
        ChaosRun.Settings settings =
                new ChaosRun.Settings(ClusterJobs.ROOT, dir, EVENTS, 400, 1, Duration.ofSeconds(5));
        ChaosRun.Report report = new ChaosRun(settings, steps::add).run();
        System.out.println(ChaosReportText.markdown(report));

        assertThat(report.faults())
                .extracting(ChaosFaults.Fault::kind)
                .containsExactly("kill -9 TaskManager", "broker restart", "savepoint + resubmit");
        assertThat(report.faults().get(2).detail()).startsWith("p1 → p2");
        // Exact results mean something only if the outage cut into the stream: at 400 events/s
        // the producer is still sending (60 s) when the broker goes down after the TaskManager's
        // recovery (about 25 s from the first fault at 15 s). Whether a checkpoint also waited
        // for the broker depends on whether results were pending at that moment (a job that had
        // read and committed everything, as at 2,000/s, felt nothing), so it is reported only.
        assertThat(report.faults().get(1).eventsSent())
                .as(report.faults().get(1).detail())
                .isLessThan(EVENTS);
        assertThat(report.acknowledged()).isEqualTo(EVENTS + ChaosInput.PARTITIONS);
        assertThat(report.failedSends()).isZero();
        // 24,000 events 6 ms apart: 144 s of event time, three one-minute windows per service.
        assertThat(report.outputs())
                .allSatisfy(
                        c -> {
                            assertThat(c.windowsExpected()).isEqualTo(9);
                            assertThat(c.exact()).as(c.toString()).isTrue();
                        });
        assertThat(report.exact()).isTrue();
    }
}
