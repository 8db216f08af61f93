package io.logflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveredLogTest {

    @TempDir Path dir;

    @Test
    void keysSurviveReopeningAndTheFileIsCompactedOnOpen() throws Exception {
        try (DeliveredLog log = new DeliveredLog(dir)) {
            log.add("am", "a|FIRING");
            log.add("am", "a|FIRING");
            log.add("hook", "a|FIRING");
            log.add("am", "a|RESOLVED");
        }
        assertThat(Files.readAllLines(dir.resolve(DeliveredLog.FILE))).hasSize(3);
        // A crash mid-line, and a duplicate from a second writer.
        Files.writeString(
                dir.resolve(DeliveredLog.FILE),
                "am\ta|FIRING\nam\tb|FIR",
                java.nio.file.StandardOpenOption.APPEND);
        try (DeliveredLog log = new DeliveredLog(dir)) {
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.contains("am", "a|FIRING")).isTrue();
            assertThat(log.contains("hook", "a|FIRING")).isTrue();
            assertThat(log.contains("am", "a|RESOLVED")).isTrue();
            assertThat(log.contains("hook", "a|RESOLVED")).isFalse();
            assertThat(log.contains("am", "b|FIRING")).isFalse();
            log.add("am", "b|FIRING");
        }
        assertThat(Files.readAllLines(dir.resolve(DeliveredLog.FILE)))
                .containsExactly(
                        "hook\ta|FIRING", "am\ta|RESOLVED", "am\ta|FIRING", "am\tb|FIRING");
    }
}
