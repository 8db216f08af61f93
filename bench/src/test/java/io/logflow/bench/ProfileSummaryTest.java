package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSummaryTest {

    @TempDir Path dir;

    @Test
    void subtasksOfOneTaskAreOneRow() {
        assertThat(ProfileSummary.task("decode-events -> window-stats-tumbling-1m (2/2)#0"))
                .isEqualTo("decode-events -> window-stats-tumbling-1m");
        assertThat(ProfileSummary.task("main")).isEqualTo("main");
    }

    @Test
    void aBusyThreadShowsUpByTaskAndMethod() throws Exception {
        Path jfr = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Thread busy = new Thread(ProfileSummaryTest::spin, "busy-task (1/2)#0");
            busy.start();
            busy.join();
            recording.stop();
            recording.dump(jfr);
        }
        ProfileSummary summary = ProfileSummary.of(jfr);
        assertThat(summary.samples()).isPositive();
        String markdown = summary.markdown("busy", 10);
        assertThat(markdown)
                .startsWith("## busy")
                .contains("| `busy-task` |")
                .contains("`ProfileSummaryTest.spin`")
                .contains("LogFlow method, inclusive");
        assertThat(Files.size(jfr)).isPositive();
    }

    private static void spin() {
        long end = System.nanoTime() + 600_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            System.out.println(x);
        }
    }
}
