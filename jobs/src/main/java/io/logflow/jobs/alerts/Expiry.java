package io.logflow.jobs.alerts;

import org.apache.flink.streaming.api.TimerService;

/**
 * A service's expiry deadline on the TTL/8 grid of {@link AlertSettings#cleanupTimer}: a timer is
 * registered only when the deadline crosses into the next grid cell, and none is deleted (two
 * heap-queue operations per service and window otherwise); a timer that finds the deadline moved on
 * only makes sure the deadline's own timer exists. Deadlines are plain longs kept in the caller's
 * state object, 0 meaning none.
 */
final class Expiry {

    private Expiry() {}

    /** The later of {@code deadline} and {@code at}, with the timer of its grid cell registered. */
    static long extend(long deadline, long at, AlertSettings s, TimerService timers) {
        if (deadline != 0 && at <= deadline) {
            return deadline;
        }
        long timer = s.cleanupTimer(at);
        if (deadline == 0 || s.cleanupTimer(deadline) != timer) {
            timers.registerEventTimeTimer(timer);
        }
        return at;
    }

    /**
     * Whether the timer at {@code timestamp} finds the state expired. An earlier cell's timer (or
     * one a job before the grid registered at an exact deadline) re-arms the deadline's own timer
     * and answers no; so does the end of a bounded input, which is not the end of the service.
     */
    static boolean due(long deadline, long timestamp, AlertSettings s, TimerService timers) {
        if (timers.currentWatermark() == Long.MAX_VALUE || deadline == 0) {
            return false;
        }
        if (deadline > timestamp) {
            timers.registerEventTimeTimer(s.cleanupTimer(deadline));
            return false;
        }
        return true;
    }
}
