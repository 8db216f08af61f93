package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> spin(stop), "busy-task (1/2)#0");
        ProfileSummary summary;
        String markdown;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            busy.start();
            // The sampler starts when it starts: wait for the condition, not for a time.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                Thread.sleep(300);
                recording.dump(jfr);
                summary = ProfileSummary.of(jfr);
                markdown = summary.markdown("busy", 10);
            } while (!markdown.contains("`ProfileSummaryTest.spin`")
                    && System.nanoTime() < deadline);
        } finally {
            stop.set(true);
            busy.join();
        }
        assertThat(summary.samples()).isPositive();
        assertThat(markdown)
                .startsWith("## busy")
                .contains("| `busy-task` |")
                .contains("`ProfileSummaryTest.spin`")
                .contains("LogFlow method, inclusive");
        assertThat(Files.size(jfr)).isPositive();
    }

    private static void spin(AtomicBoolean stop) {
        double x = 0;
        while (!stop.get()) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            System.out.println(x);
        }
    }
}
