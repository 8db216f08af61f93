package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.TrafficSamples.START;
import static io.logflow.devstack.generator.TrafficSamples.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.LogEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event time follows the configured rate, with exactly the disorder that was asked for. */
class TrafficEventTimeTest {

    @Test
    void withoutDisorderTimeAdvancesByOneOverTheRate() {
        List<LogEvent> events =
                new TrafficModel(config(5).eventsPerSecond(2000).build()).take(50_000);

        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).getTimestamp()).isEqualTo(START.plusMillis(i / 2));
        }
    }

    @Test
    void skewAndLateEventsStayWithinTheirBounds() {
        long skew = 250;
        long lateBy = Duration.ofMinutes(5).toMillis();
        TrafficModel model =
                new TrafficModel(
                        config(5)
                                .maxOutOfOrder(Duration.ofMillis(skew))
                                .late(0.01, Duration.ofMillis(lateBy))
                                .build());
        int n = 200_000;
        long late = 0;
        long behindWatermark = 0;
        long maxSeen = Long.MIN_VALUE / 2;
        long skewed = 0;
        for (int i = 0; i < n; i++) {
            long ts = model.next().getTimestamp().toEpochMilli();
            long clock = model.clockTime().toEpochMilli();
            if (model.lastWasLate()) {
                late++;
                assertThat(clock - ts).isBetween(lateBy, 2 * lateBy);
            } else {
                assertThat(clock - ts).isBetween(0L, skew);
                skewed += clock - ts > 0 ? 1 : 0;
            }
            // What a bounded-out-of-orderness watermark sees: only late events fall behind it.
            behindWatermark += ts < maxSeen - skew ? 1 : 0;
            maxSeen = Math.max(maxSeen, ts);
        }

        assertThat((double) late / n).isBetween(0.008, 0.012);
        assertThat(behindWatermark).isEqualTo(late);
        assertThat((double) skewed / n).isGreaterThan(0.9);
    }

    @Test
    void disorderChangesTimestampsOnly() {
        List<LogEvent> ordered = new TrafficModel(config(9).build()).take(20_000);
        List<LogEvent> disordered =
                new TrafficModel(
                                config(9)
                                        .maxOutOfOrder(Duration.ofSeconds(2))
                                        .late(0.05, Duration.ofMinutes(10))
                                        .build())
                        .take(20_000);

        for (int i = 0; i < ordered.size(); i++) {
            LogEvent copy = LogEvent.newBuilder(disordered.get(i)).build();
            copy.setTimestamp(ordered.get(i).getTimestamp());
            assertThat(copy).isEqualTo(ordered.get(i));
        }
    }

    @Test
    void startDefaultsToNow() {
        long before = System.currentTimeMillis();
        LogEvent first = new TrafficModel(TrafficConfig.builder().build()).next();

        assertThat(first.getTimestamp().toEpochMilli())
                .isBetween(before, System.currentTimeMillis());
    }
}
