package io.logflow.jobs.alerts;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * A service's expiry deadline on the TTL/8 grid of {@link AlertSettings#cleanupTimer}: a timer is
 * registered only when the deadline crosses into the next grid cell, and none is deleted (two
 * heap-queue operations per service and window otherwise); a timer that finds the deadline moved on
 * only makes sure the deadline's own timer exists.
 */
final class Expiry {

    private Expiry() {}

    /** Moves {@code deadline} to {@code at} unless it is already later. */
    static void extend(ValueState<Long> deadline, long at, AlertSettings s, TimerService timers)
            throws Exception {
        Long previous = deadline.value();
        if (previous != null && at <= previous) {
            return;
        }
        deadline.update(at);
        long timer = s.cleanupTimer(at);
        if (previous == null || s.cleanupTimer(previous) != timer) {
            timers.registerEventTimeTimer(timer);
        }
    }

    /**
     * Whether the timer at {@code timestamp} finds the state expired. An earlier cell's timer (or
     * one a job before the grid registered at an exact deadline) re-arms the deadline's own timer
     * and answers no; so does the end of a bounded input, which is not the end of the service.
     */
    static boolean due(
            ValueState<Long> deadline, long timestamp, AlertSettings s, TimerService timers)
            throws Exception {
        if (timers.currentWatermark() == Long.MAX_VALUE) {
            return false;
        }
        Long at = deadline.value();
        if (at == null) {
            return false;
        }
        if (at > timestamp) {
            timers.registerEventTimeTimer(s.cleanupTimer(at));
            return false;
        }
        return true;
    }
}
