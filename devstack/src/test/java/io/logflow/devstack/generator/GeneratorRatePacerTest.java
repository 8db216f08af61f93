package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing spreads events evenly over each second, on a fake clock. */
class GeneratorRatePacerTest {

    private long now = 1_000_000_000L;
    private final List<Long> sendTimes = new ArrayList<>();

    private RatePacer pacer(double rate) {
        return new RatePacer(rate, () -> now, nanos -> now += nanos);
    }

    @Test
    void eventsAreEvenlySpaced() {
        RatePacer pacer = pacer(1000);
        for (int i = 0; i < 2000; i++) {
            assertThat(pacer.acquire(() -> false)).isTrue();
            sendTimes.add(now);
            now += 100_000; // each send takes 0.1 ms
        }

        for (int i = 1; i < sendTimes.size(); i++) {
            assertThat(sendTimes.get(i) - sendTimes.get(i - 1)).isEqualTo(1_000_000L);
        }
    }

    @Test
    void aSlowSenderIsNotSlowedFurther() {
        RatePacer pacer = pacer(1000);
        long start = now;
        for (int i = 0; i < 100; i++) {
            pacer.acquire(() -> false);
            now += 2_000_000; // each send takes 2 ms: twice the interval
        }
        assertThat(now - start).isEqualTo(200_000_000L);
    }

    @Test
    void aLongStallRestartsTheScheduleInsteadOfBursting() {
        RatePacer pacer = pacer(100);
        pacer.acquire(() -> false);
        now += 5_000_000_000L;
        pacer.acquire(() -> false);
        long afterStall = now;
        pacer.acquire(() -> false);

        assertThat(now - afterStall).isEqualTo(10_000_000L);
    }

    @Test
    void cancellingStopsTheWait() {
        RatePacer pacer = pacer(0.1);
        pacer.acquire(() -> false);
        long before = now;

        assertThat(pacer.acquire(() -> now - before > 100_000_000L)).isFalse();
        assertThat(now - before).isLessThan(200_000_000L);
    }
}
