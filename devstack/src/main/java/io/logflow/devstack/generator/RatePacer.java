package io.logflow.devstack.generator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Spaces events evenly at a target rate: event i is due at start + i/rate, so sending is smooth
 * within each second rather than a burst at its start, and sleep overshoot never accumulates. After
 * a long stall (a blocked producer, a paused JVM) it restarts the schedule instead of bursting to
 * catch up.
 */
final class RatePacer {

    /** Falling further behind than this restarts the schedule. */
    static final long MAX_BACKLOG_NANOS = 1_000_000_000L;

    private static final long MAX_SLEEP_NANOS = 50_000_000L;

    /** Sleeps for the given nanoseconds; a seam for tests. */
    interface Sleeper {
        void sleepNanos(long nanos);
    }

    private final double nanosPerEvent;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long scheduleStart;
    private long sent;

    RatePacer(double eventsPerSecond) {
        this(eventsPerSecond, System::nanoTime, LockSupport::parkNanos);
    }

    RatePacer(double eventsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("Rate must be > 0, got " + eventsPerSecond);
        }
        this.nanosPerEvent = 1e9 / eventsPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.scheduleStart = nanoClock.getAsLong();
    }

    /**
     * Waits until the next event is due; false when {@code cancelled} turned true first. Sleeps in
     * short slices so a stop request at a low rate is not kept waiting for a whole interval.
     */
    boolean acquire(BooleanSupplier cancelled) {
        long due = scheduleStart + (long) (sent * nanosPerEvent);
        long now = nanoClock.getAsLong();
        if (now - due > MAX_BACKLOG_NANOS) {
            scheduleStart = now;
            sent = 0;
        } else {
            // parkNanos may wake early; loop until the slot has come.
            while (due - now > 0) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                sleeper.sleepNanos(Math.min(due - now, MAX_SLEEP_NANOS));
                now = nanoClock.getAsLong();
            }
        }
        sent++;
        return true;
    }
}
