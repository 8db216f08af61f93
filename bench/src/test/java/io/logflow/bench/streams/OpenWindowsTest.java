package io.logflow.bench.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenWindowsTest {

    private static final long MINUTE = 60_000;
    private static final long GRACE = 65_000;

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate();
    private final TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(5).build());
    private final OpenWindows windows =
            new OpenWindows(aggregate, Duration.ofMinutes(1), Duration.ofMillis(GRACE));
    private final List<String> emitted = new ArrayList<>();

    private final OpenWindows.Sink sink =
            (service, start, end, acc) ->
                    emitted.add(
                            service
                                    + "@"
                                    + start
                                    + "-"
                                    + end
                                    + "="
                                    + aggregate.getResult(acc).getCount());

    private boolean add(String service, long timestamp) {
        return windows.add(service, timestamp, model.next());
    }

    @Test
    void aWindowClosesOnceStreamTimeReachesItsEndPlusGrace() {
        add("a", 10);
        add("a", MINUTE - 1);
        add("b", 20);
        add("a", MINUTE + GRACE - 1);
        windows.emitClosed(sink);
        assertThat(emitted).isEmpty();

        add("a", MINUTE + GRACE);
        windows.emitClosed(sink);

        assertThat(emitted).containsExactlyInAnyOrder("a@0-60000=2", "b@0-60000=1");
    }

    @Test
    void eventsLaterThanGraceAreDroppedExactlyWhereTheDslDropsThem() {
        add("a", MINUTE + GRACE - 1);
        // The DSL keeps an event while its window's end is after stream time minus grace.
        assertThat(add("a", 5)).isTrue();
        add("a", MINUTE + GRACE);
        // Dropped although no punctuation has emitted its window yet.
        assertThat(add("a", 6)).isFalse();
        windows.emitAll(sink);

        assertThat(emitted).containsExactly("a@0-60000=1", "a@120000-180000=2");
    }

    @Test
    void theEndOfInputEmitsEveryOpenWindowOnce() {
        add("a", 10);
        add("a", 3 * MINUTE);
        assertThat(windows.flushed()).isFalse();

        windows.emitAll(sink);
        windows.emitAll(sink);
        windows.emitClosed(sink);

        assertThat(windows.flushed()).isTrue();
        assertThat(emitted).containsExactly("a@0-60000=1", "a@180000-240000=1");
    }
}
