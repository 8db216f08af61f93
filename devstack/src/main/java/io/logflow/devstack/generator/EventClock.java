package io.logflow.devstack.generator;

import java.util.SplittableRandom;

/**
 * The model's event-time clock: starts at the configured instant and advances by 1/rate per event,
 * so a run's timestamps never depend on the wall clock. Stamps jitter backwards for out-of-order
 * delivery, and a share of them lands far in the past as late events.
 */
final class EventClock {

    private final long startMillis;
    private final double millisPerEvent;
    private final long maxSkewMillis;
    private final double lateShare;
    private final long lateByMillis;
    // Its own generator, so turning disorder on or off leaves every other field of the events
    // alone.
    private final SplittableRandom rng;

    private long sequence = -1;
    // Read by threads that trigger incidents on demand, to start them "now".
    private volatile long offsetMillis;
    private boolean lastLate;

    EventClock(TrafficConfig config, long seed) {
        this.startMillis = config.start().toEpochMilli();
        this.millisPerEvent = 1000.0 / config.eventsPerSecond();
        this.maxSkewMillis = config.maxOutOfOrderMillis();
        this.lateShare = config.lateShare();
        this.lateByMillis = config.lateByMillis();
        this.rng = new SplittableRandom(seed);
    }

    /** Advances one event slot and returns its offset from the start, in millis. */
    long tick() {
        sequence++;
        long offset = (long) (sequence * millisPerEvent);
        offsetMillis = offset;
        return offset;
    }

    /** The timestamp of the current slot as written into the event, disorder applied. */
    long stamp() {
        long clock = startMillis + offsetMillis;
        lastLate = lateShare > 0 && rng.nextDouble() < lateShare;
        if (lastLate) {
            return clock - lateByMillis - rng.nextLong(lateByMillis + 1);
        }
        return maxSkewMillis > 0 ? clock - rng.nextLong(maxSkewMillis + 1) : clock;
    }

    /** Whether the last stamp was a late one. */
    boolean lastWasLate() {
        return lastLate;
    }

    /** Offset of the current slot from the start instant, in millis of event time. */
    long offsetMillis() {
        return offsetMillis;
    }

    long startMillis() {
        return startMillis;
    }
}
