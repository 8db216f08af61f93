package io.logflow.jobs.alerts;

import io.logflow.schema.AlertKind;
import io.logflow.schema.WindowStats;

/**
 * Fires when a window's p99 latency is above the absolute SLO (when set) or far above the service's
 * baseline (beyond both {@code factor} x median and {@code sensitivity} robust deviations) for K
 * windows in a row. Windows whose error rate is at or above {@code inhibit-error-rate} are not
 * judged: failing requests (timeouts) move p99 too, and that incident is the error-rate detector's
 * to report, as an inhibition rule would do downstream.
 */
public final class LatencyRegressionDetector extends WindowDetector {

    private static final long serialVersionUID = 1L;

    public LatencyRegressionDetector(AlertSettings settings) {
        this(AlertRules.of(settings));
    }

    public LatencyRegressionDetector(AlertRules rules) {
        super(rules, AlertKind.LATENCY_REGRESSION);
    }

    @Override
    AlertKind kind() {
        return AlertKind.LATENCY_REGRESSION;
    }

    @Override
    Double measure(WindowStats stats) {
        if (stats.getLatency() == null
                || stats.getHttpCount() < settings.minVolume
                || stats.getErrorRate() >= settings.latencyInhibitErrorRate) {
            return null;
        }
        return stats.getLatency().getP99();
    }

    @Override
    Double threshold(double[] baseline) {
        return threshold(baseline, settings);
    }

    /** The p99 above which a window is slow, for a service's or one route's baseline. */
    static Double threshold(double[] baseline, AlertSettings settings) {
        Double slo = settings.latencySloMs > 0 ? settings.latencySloMs : null;
        if (baseline.length < settings.minBaselineWindows) {
            return slo;
        }
        double median = Baseline.median(baseline);
        double sigma = Baseline.MAD_TO_SIGMA * Baseline.mad(baseline, median);
        double relative =
                Math.max(
                        median * settings.latencyFactor,
                        median + settings.latencySensitivity * sigma);
        return slo == null ? relative : Math.min(slo, relative);
    }

    @Override
    int windowsToFire() {
        return settings.latencyWindows;
    }

    @Override
    String describe(double value, double threshold) {
        return String.format(
                java.util.Locale.ROOT,
                "p99 latency %.0f ms is above %.0f ms for %d window(s)",
                value,
                threshold,
                settings.latencyWindows);
    }
}
