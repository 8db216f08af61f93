package io.logflow.jobs.alerts;

import java.io.Serializable;
import java.time.Duration;

/**
 * The detectors' tuning: window step, volume floor, baseline length, sensitivities and how many
 * windows fire, resolve, silence or warm up. Immutable; {@link #builder} starts from the defaults.
 *
 * <pre>{@code
 * AlertSettings s = AlertSettings.builder("tumbling-1m", Duration.ofMinutes(1))
 *         .silenceWindows(2).build();
 * }</pre>
 */
public final class AlertSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    final String window;
    final long stepMillis;
    final int minVolume;
    final int baselineWindows;
    final int minBaselineWindows;
    final int resolveWindows;
    final double errorSensitivity;
    final double errorMinIncrease;
    final double latencySloMs;
    final double latencyFactor;
    final double latencySensitivity;
    final int latencyWindows;
    final double latencyInhibitErrorRate;
    final int silenceWindows;
    final long stateTtlMillis;
    final int templateWarmupWindows;
    final int templateMinErrors;

    private AlertSettings(Builder b) {
        this.window = b.window;
        this.stepMillis = b.step.toMillis();
        this.minVolume = b.minVolume;
        this.baselineWindows = b.baselineWindows;
        this.minBaselineWindows = b.minBaselineWindows;
        this.resolveWindows = b.resolveWindows;
        this.errorSensitivity = b.errorSensitivity;
        this.errorMinIncrease = b.errorMinIncrease;
        this.latencySloMs = b.latencySloMs;
        this.latencyFactor = b.latencyFactor;
        this.latencySensitivity = b.latencySensitivity;
        this.latencyWindows = b.latencyWindows;
        this.latencyInhibitErrorRate = b.latencyInhibitErrorRate;
        this.silenceWindows = b.silenceWindows;
        this.stateTtlMillis = b.stateTtl.toMillis();
        this.templateWarmupWindows = b.templateWarmupWindows;
        this.templateMinErrors = b.templateMinErrors;
    }

    /**
     * When to look at a service whose state expires at {@code deadline}: the deadline rounded up to
     * an eighth of the TTL. Successive windows then share one cleanup timer instead of deleting and
     * registering one each (two heap-queue operations per service and window); expiry comes at most
     * TTL/8 late.
     */
    long cleanupTimer(long deadline) {
        long grid = Math.max(1, stateTtlMillis / 8);
        long rest = Math.floorMod(deadline, grid);
        return rest == 0 ? deadline : deadline - rest + grid;
    }

    /** Defaults for detectors reading windows named {@code window} that advance by {@code step}. */
    public static Builder builder(String window, Duration step) {
        return new Builder(window, step);
    }

    /** The window definition the detectors read. */
    public String window() {
        return window;
    }

    /** How far consecutive windows of one service are apart (the slide). */
    public long stepMillis() {
        return stepMillis;
    }

    /** Builder with the documented defaults; {@link #build()} checks every value. */
    public static final class Builder {
        private final String window;
        private final Duration step;
        private int minVolume = 100;
        private int baselineWindows = 30;
        private int minBaselineWindows = 5;
        private int resolveWindows = 2;
        private double errorSensitivity = 6.0;
        private double errorMinIncrease = 0.05;
        private double latencySloMs = 0;
        private double latencyFactor = 2.0;
        private double latencySensitivity = 6.0;
        private int latencyWindows = 2;
        private double latencyInhibitErrorRate = 0.05;
        private int silenceWindows = 1;
        private Duration stateTtl = Duration.ofHours(24);
        private int templateWarmupWindows = 10;
        private int templateMinErrors = 3;

        private Builder(String window, Duration step) {
            this.window = window;
            this.step = step;
        }

        public Builder minVolume(int v) {
            this.minVolume = v;
            return this;
        }

        public Builder baselineWindows(int v) {
            this.baselineWindows = v;
            return this;
        }

        public Builder minBaselineWindows(int v) {
            this.minBaselineWindows = v;
            return this;
        }

        public Builder resolveWindows(int v) {
            this.resolveWindows = v;
            return this;
        }

        public Builder errorSensitivity(double v) {
            this.errorSensitivity = v;
            return this;
        }

        public Builder errorMinIncrease(double v) {
            this.errorMinIncrease = v;
            return this;
        }

        /** Absolute p99 SLO in ms; 0 turns the absolute check off. */
        public Builder latencySloMs(double v) {
            this.latencySloMs = v;
            return this;
        }

        public Builder latencyFactor(double v) {
            this.latencyFactor = v;
            return this;
        }

        public Builder latencySensitivity(double v) {
            this.latencySensitivity = v;
            return this;
        }

        public Builder latencyWindows(int v) {
            this.latencyWindows = v;
            return this;
        }

        public Builder latencyInhibitErrorRate(double v) {
            this.latencyInhibitErrorRate = v;
            return this;
        }

        public Builder silenceWindows(int v) {
            this.silenceWindows = v;
            return this;
        }

        public Builder stateTtl(Duration v) {
            this.stateTtl = v;
            return this;
        }

        public Builder templateWarmupWindows(int v) {
            this.templateWarmupWindows = v;
            return this;
        }

        public Builder templateMinErrors(int v) {
            this.templateMinErrors = v;
            return this;
        }

        public AlertSettings build() {
            require(step != null && step.toMillis() > 0, "the window step must be positive");
            require(minVolume >= 1, "alerts.min-volume must be >= 1");
            require(minBaselineWindows >= 1, "alerts.min-baseline-windows must be >= 1");
            require(
                    baselineWindows >= minBaselineWindows,
                    "alerts.baseline-windows must be >= alerts.min-baseline-windows");
            require(resolveWindows >= 1, "alerts.resolve-windows must be >= 1");
            require(
                    errorSensitivity > 0 && errorMinIncrease >= 0,
                    "alerts.error-rate.sensitivity must be > 0 and alerts.error-rate.min-increase"
                            + " >= 0");
            require(latencySloMs >= 0, "alerts.latency.slo-ms must be >= 0 (0 = off)");
            require(
                    latencyFactor > 1 && latencySensitivity > 0,
                    "alerts.latency.factor must be > 1 and alerts.latency.sensitivity > 0");
            require(latencyWindows >= 1, "alerts.latency.windows must be >= 1");
            require(latencyInhibitErrorRate > 0, "alerts.latency.inhibit-error-rate must be > 0");
            require(silenceWindows >= 1, "alerts.silence.windows must be >= 1");
            require(
                    stateTtl.toMillis() > (long) silenceWindows * step.toMillis(),
                    "alerts.state-ttl must exceed alerts.silence.windows windows");
            require(templateWarmupWindows >= 0, "alerts.new-template.warmup-windows must be >= 0");
            require(templateMinErrors >= 1, "alerts.new-template.min-errors must be >= 1");
            return new AlertSettings(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("Invalid alert settings: " + message);
            }
        }
    }
}
