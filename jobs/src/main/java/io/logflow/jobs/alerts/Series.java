package io.logflow.jobs.alerts;

/**
 * The alert lifecycle of one judged series (a service's error rate, its p99, or one route's p99):
 * FIRING after enough anomalous windows in a row, nothing more while it stays anomalous, RESOLVED
 * after {@code resolveWindows} normal ones; only normal windows join the baseline. A Flink POJO, so
 * a detector can keep one per route in a map state.
 */
public final class Series {

    /** What one window did to the series. */
    enum Step {
        NONE,
        /** Now firing: the caller names the alert with {@link #fire}. */
        FIRING,
        /** The alert {@link #resolvedId} is over. */
        RESOLVED
    }

    /** The recent normal values, oldest first; never null. */
    public double[] baseline = new double[0];

    /** The firing alert's id, null when not firing. */
    public String firingId;

    /** Anomalous windows in a row while not firing, normal ones in a row while firing. */
    public int streak;

    /**
     * When a service's own series expires ({@link Expiry}), so that one state object is all a
     * detector reads per window; 0 for a route's series, which expires with its service.
     */
    public long expiresAt;

    /** Set by a RESOLVED step; not state. */
    transient String resolvedId;

    public Series() {}

    Series(double[] baseline, String firingId, Integer streak) {
        this.baseline = baseline == null ? new double[0] : baseline;
        this.firingId = firingId;
        this.streak = streak == null ? 0 : streak;
    }

    /** A window that cannot be judged: it breaks a run of anomalies but resolves nothing. */
    Step skip() {
        if (firingId == null) {
            streak = 0;
        }
        return Step.NONE;
    }

    /**
     * Judges {@code value} against {@code threshold} (null: the baseline is too short, so the value
     * only joins it).
     */
    Step judge(double value, Double threshold, int windowsToFire, AlertSettings settings) {
        if (threshold == null) {
            baseline = Baseline.push(baseline, value, settings.baselineWindows);
            return Step.NONE;
        }
        boolean anomalous = value > threshold;
        if (firingId == null) {
            if (!anomalous) {
                streak = 0;
                baseline = Baseline.push(baseline, value, settings.baselineWindows);
                return Step.NONE;
            }
            if (streak + 1 >= windowsToFire) {
                streak = 0;
                return Step.FIRING;
            }
            streak++;
            return Step.NONE;
        }
        if (anomalous) {
            streak = 0;
            return Step.NONE;
        }
        baseline = Baseline.push(baseline, value, settings.baselineWindows);
        if (streak + 1 >= settings.resolveWindows) {
            resolvedId = firingId;
            firingId = null;
            streak = 0;
            return Step.RESOLVED;
        }
        streak++;
        return Step.NONE;
    }

    /** Names the alert a FIRING step raised. */
    void fire(String id) {
        firingId = id;
    }
}
