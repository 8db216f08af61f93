package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {

    private final ScenarioResult result =
            new ScenarioResult(
                    "logflow-p1-eos",
                    2_000_000,
                    340_000_000,
                    4_000_000_000L,
                    6_000_000_000L,
                    700L << 20,
                    50L << 20,
                    -1,
                    "3");

    @Test
    void derivesRatesFromTheMeasuredInterval() {
        assertThat(result.eventsPerSecond()).isEqualTo(500_000.0);
        assertThat(result.megabytesPerSecond()).isEqualTo(85.0);
        assertThat(result.cpuSecondsPerMillion()).isEqualTo(3.0);
    }

    @Test
    void survivesTheTripThroughAChildJvmsStdout() {
        String line = result.toLine();

        assertThat(line).startsWith(ScenarioResult.LINE_PREFIX).doesNotContain("\n");
        assertThat(ScenarioResult.parse(line)).isEqualTo(result);
    }

    @Test
    void replacingTheByteCountKeepsEverythingElse() {
        ScenarioResult withBytes = result.withBytes(1);

        assertThat(withBytes.bytes()).isEqualTo(1);
        assertThat(withBytes.withBytes(result.bytes())).isEqualTo(result);
    }

    @Test
    void aLineThatIsNotAResultIsRejectedWithItsText() {
        assertThatThrownBy(() -> ScenarioResult.parse(ScenarioResult.LINE_PREFIX + "{oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{oops");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);

        assertThat(LatencyProbe.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(LatencyProbe.percentile(sorted, 0.99)).isEqualTo(100);
        assertThat(LatencyProbe.percentile(List.of(7L), 0.99)).isEqualTo(7);
    }
}
