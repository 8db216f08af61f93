package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeRulesTest {

    private static final EventTimeRules RULES =
            new EventTimeRules(
                    Instant.parse("2000-01-01T00:00:00Z"),
                    Duration.ofDays(1),
                    Duration.ofMinutes(15));
    private static final long NOW = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    @Test
    void anEventHoursAheadOfItsRecordIsASkewedClockEvenWithinADayOfTheWallClock() {
        assertThat(RULES.violation(NOW + 3 * HOUR, NOW, NOW))
                .isEqualTo(
                        "Event time 2026-12-01T15:00:00Z is PT3H ahead of its Kafka record's"
                                + " timestamp 2026-12-01T12:00:00Z (event-time.max-ahead-of-record:"
                                + " PT15M): a skewed clock");
        assertThat(RULES.violation(NOW + 14 * 60_000L, NOW, NOW)).isNull();
    }

    @Test
    void aBackfillOfOldRecordsIsJudgedAgainstEachRecordNotTheWallClock() {
        long lastYear = NOW - 365 * 24 * HOUR;
        assertThat(RULES.violation(lastYear, lastYear - 60_000L, NOW)).isNull();
        // Three hours ahead of its neighbours, though still in the past: it would have moved the
        // watermark of the replay past every window of those hours.
        assertThat(RULES.violation(lastYear + 3 * HOUR, lastYear, NOW)).contains("a skewed clock");
    }

    @Test
    void withoutARecordTimestampOnlyTheWallClockAndTheMinimumCount() {
        assertThat(RULES.violation(NOW + 3 * HOUR, -1, NOW)).isNull();
        assertThat(RULES.violation(NOW + 25 * HOUR, -1, NOW))
                .isEqualTo(
                        "Event time 2026-12-02T13:00:00Z is more than event-time.max-future (PT24H)"
                                + " ahead of the wall clock");
        assertThat(RULES.violation(Instant.parse("1999-12-31T23:59:59Z").toEpochMilli(), NOW, NOW))
                .isEqualTo(
                        "Event time 1999-12-31T23:59:59Z is before event-time.min"
                                + " (2000-01-01T00:00:00Z)");
    }
}
