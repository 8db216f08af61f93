package io.logflow.jobs.alerts;

import java.util.Arrays;

/**
 * A robust baseline over a service's recent normal windows: median and MAD (median absolute
 * deviation), which one outlier window cannot drag the way it drags a mean and standard deviation.
 */
final class Baseline {

    /** Scales a MAD to a standard deviation for normally distributed values. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Baseline() {}

    /** {@code values} with {@code value} appended, the oldest dropped beyond {@code capacity}. */
    static double[] push(double[] values, double value, int capacity) {
        double[] base = values == null ? new double[0] : values;
        int keep = Math.min(base.length, capacity - 1);
        double[] next = Arrays.copyOfRange(base, base.length - keep, base.length + 1);
        next[keep] = value;
        return next;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }
}
