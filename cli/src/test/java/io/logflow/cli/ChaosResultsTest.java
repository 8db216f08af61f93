package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos run's verdict: each way a result can be wrong is counted, and only exact passes. */
class ChaosResultsTest {

    private static final Instant W0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant W1 = W0.plusSeconds(60);
    private static final Map<String, Long> EXPECTED =
            Map.of(ChaosInput.key("a", W0), 10L, ChaosInput.key("a", W1), 5L);

    @Test
    void everyWindowOnceWithItsCountIsExact() {
        ChaosResults.Seen seen = new ChaosResults.Seen();
        seen.add("a", W0, 0, 10);
        seen.add("a", W1.plusSeconds(7), 0, 5); // any instant inside the window names it
        ChaosResults.Comparison c = seen.compare("t", EXPECTED);
        assertThat(c).isEqualTo(new ChaosResults.Comparison("t", 2, 2, 0, 0, 0, 0));
        assertThat(c.exact()).isTrue();
    }

    @Test
    void aMissingWindowAndAShortCountAreLostEvents() {
        ChaosResults.Seen seen = new ChaosResults.Seen();
        seen.add("a", W0, 0, 7);
        ChaosResults.Comparison c = seen.compare("t", EXPECTED);
        assertThat(c).isEqualTo(new ChaosResults.Comparison("t", 2, 1, 2, 0, 3 + 5, 0));
        assertThat(c.exact()).isFalse();
    }

    @Test
    void aRepeatedRevisionAnOverCountAndAnUnknownWindowAreDuplicates() {
        ChaosResults.Seen seen = new ChaosResults.Seen();
        seen.add("a", W0, 0, 10);
        seen.add("a", W0, 0, 10);
        seen.add("a", W1, 0, 6);
        seen.add("b", W1, 0, 1);
        ChaosResults.Comparison c = seen.compare("t", EXPECTED);
        assertThat(c).isEqualTo(new ChaosResults.Comparison("t", 2, 2, 0, 2, 0, 1));
        assertThat(c.exact()).isFalse();
    }

    @Test
    void aLaterRevisionReplacesTheCountWithoutBeingADuplicate() {
        ChaosResults.Seen seen = new ChaosResults.Seen();
        seen.add("a", W0, 0, 9);
        seen.add("a", W0, 1, 10);
        seen.add("a", W1, 0, 5);
        assertThat(seen.compare("t", EXPECTED).exact()).isTrue();
    }
}
