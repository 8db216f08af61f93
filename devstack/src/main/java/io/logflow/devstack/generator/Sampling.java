package io.logflow.devstack.generator;

import java.util.random.RandomGenerator;

/**
 * Draws from precomputed discrete and continuous distributions. Every draw takes the caller's
 * random generator, so a seeded generator gives the same sequence on every run.
 */
final class Sampling {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sampling() {}

    /**
     * Cumulative shares of {@code weights}; the last entry is exactly 1 so a draw never falls off.
     */
    static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("Weights must be >= 0, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("At least one weight must be > 0");
        }
        double[] out = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            out[i] = running / total;
        }
        out[out.length - 1] = 1.0;
        return out;
    }

    /** Zipf popularity over {@code n} ranks: rank k (from 0) has weight 1 / (k + 1)^exponent. */
    static double[] zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = 1.0 / Math.pow(k + 1, exponent);
        }
        return cumulative(weights);
    }

    /** The index whose cumulative share first exceeds {@code u}, a uniform draw in [0, 1). */
    static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A log-normal draw: half the values fall below {@code median}; {@code sigma} sets how long the
     * tail is (p99 is about median * e^(2.33 sigma)).
     */
    static double logNormal(RandomGenerator rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Appends the low {@code digits} hex digits of {@code bits}, most significant first. */
    static void appendHex(StringBuilder out, long bits, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (bits >>> shift) & 0xf]);
        }
    }

    /** A random 32-digit hex trace id, the W3C trace-context format. */
    static String traceId(RandomGenerator rng, StringBuilder scratch) {
        scratch.setLength(0);
        appendHex(scratch, rng.nextLong(), 16);
        appendHex(scratch, rng.nextLong(), 16);
        return scratch.toString();
    }
}
