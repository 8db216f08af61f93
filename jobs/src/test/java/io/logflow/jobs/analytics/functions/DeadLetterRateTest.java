package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.DeadLetterReason;
import org.junit.jupiter.api.Test;

class DeadLetterRateTest {

    @Test
    void aPeriodOfOnlyDeadLettersIsAnErrorNamingTheLikelyCause() {
        DeadLetterRate rate = new DeadLetterRate(30_000);
        for (int i = 0; i < 40; i++) {
            assertThat(
                            rate.record(
                                    i % 4 == 0
                                            ? DeadLetterReason.UNKNOWN_SCHEMA
                                            : DeadLetterReason.MALFORMED,
                                    i * 100L))
                    .isNull();
        }
        assertThat(rate.record(null, 31_000))
                .isEqualTo(
                        "All 40 records read in the last 31 s were dead letters {MALFORMED=30,"
                                + " UNKNOWN_SCHEMA=10}: is input.topics the topic your producers"
                                + " write LogEvents to, and registry.url the registry they use?");
        assertThat(rate.lastRatio()).isEqualTo(1.0);
    }

    @Test
    void somePeriodsWarnWithTheShareAndCleanPeriodsSaySomethingOnlyByTheGauge() {
        DeadLetterRate rate = new DeadLetterRate(30_000);
        for (int i = 0; i < 1000; i++) {
            rate.record(i < 3 ? DeadLetterReason.BAD_TIMESTAMP : null, i);
        }
        assertThat(rate.record(null, 30_000))
                .isEqualTo(
                        "3 of 1,000 records (0.30%) read in the last 30 s were dead letters"
                                + " {BAD_TIMESTAMP=3}");
        assertThat(rate.lastRatio()).isEqualTo(0.003);
        assertThat(rate.record(null, 60_000)).isNull();
        assertThat(rate.lastRatio()).isEqualTo(0.0);
    }
}
