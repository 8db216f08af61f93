package io.logflow.dashboard;

import static io.logflow.dashboard.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadLetterStoreTest {

    private final MutableClock clock = new MutableClock(T0);
    private final DeadLetterStore store = new DeadLetterStore(Duration.ofMinutes(5), clock);

    @Test
    void countsEachReasonInTheSpanWithItsLatestDetail() {
        for (int i = 0; i < 7; i++) {
            assertThat(store.add(dead(DeadLetterReason.MALFORMED, "bad " + i, T0.minusSeconds(i))))
                    .isTrue();
        }
        store.add(dead(DeadLetterReason.UNKNOWN_SCHEMA, "id 42", T0.minusSeconds(10)));
        assertThat(store.add(dead(DeadLetterReason.NULL_VALUE, "old", T0.minusSeconds(300))))
                .as("processed before the span")
                .isFalse();
        assertThat(store.recent())
                .containsExactly(
                        new DeadLetterStore.Reason(DeadLetterReason.MALFORMED, 7, "bad 6"),
                        new DeadLetterStore.Reason(DeadLetterReason.UNKNOWN_SCHEMA, 1, "id 42"));
    }

    @Test
    void olderSecondsLeaveTheSpanAsTimeMovesOn() {
        store.add(dead(DeadLetterReason.MALFORMED, "a", T0.minusSeconds(200)));
        store.add(dead(DeadLetterReason.MALFORMED, "b", T0));
        clock.now = T0.plusSeconds(150);
        assertThat(store.recent()).extracting(DeadLetterStore.Reason::count).containsExactly(1L);
        clock.now = T0.plusSeconds(300);
        assertThat(store.recent()).isEmpty();
        // The same slot of the ring, one span later, starts from zero.
        store.add(dead(DeadLetterReason.BAD_TIMESTAMP, "c", T0.plusSeconds(300)));
        assertThat(store.recent())
                .containsExactly(
                        new DeadLetterStore.Reason(DeadLetterReason.BAD_TIMESTAMP, 1, "c"));
    }

    static DeadLetter dead(DeadLetterReason reason, String detail, Instant processedAt) {
        return DeadLetter.newBuilder()
                .setReason(reason)
                .setDetail(detail)
                .setTopic("logs")
                .setPartition(0)
                .setOffset(1)
                .setRecordTimestamp(processedAt)
                .setProcessedAt(processedAt)
                .build();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
