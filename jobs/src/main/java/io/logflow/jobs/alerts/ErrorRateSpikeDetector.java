package io.logflow.jobs.alerts;

import io.logflow.schema.AlertKind;
import io.logflow.schema.WindowStats;

/**
 * Fires when a window's error rate rises above the service's median by more than {@code
 * sensitivity} robust standard deviations (MAD-based) and at least {@code min-increase}; windows
 * below the minimum volume are not judged, since a handful of events makes any rate noisy.
 */
public final class ErrorRateSpikeDetector extends WindowDetector {

    private static final long serialVersionUID = 1L;

    public ErrorRateSpikeDetector(AlertSettings settings) {
        this(AlertRules.of(settings));
    }

    public ErrorRateSpikeDetector(AlertRules rules) {
        super(rules, AlertKind.ERROR_RATE_SPIKE);
    }

    @Override
    AlertKind kind() {
        return AlertKind.ERROR_RATE_SPIKE;
    }

    @Override
    Double measure(WindowStats stats) {
        return stats.getCount() >= settings.minVolume ? stats.getErrorRate() : null;
    }

    @Override
    Double threshold(double[] baseline) {
        if (baseline.length < settings.minBaselineWindows) {
            return null;
        }
        double median = Baseline.median(baseline);
        double sigma = Baseline.MAD_TO_SIGMA * Baseline.mad(baseline, median);
        return median + Math.max(settings.errorSensitivity * sigma, settings.errorMinIncrease);
    }

    @Override
    int windowsToFire() {
        return 1;
    }

    @Override
    String describe(double value, double threshold) {
        return String.format(
                java.util.Locale.ROOT,
                "Error rate %.1f%% is above the threshold %.1f%%",
                value * 100,
                threshold * 100);
    }
}
