package io.logflow.jobs.alerts;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The detectors' tuning: window step, volume floor, baseline length, sensitivities and how many
 * windows fire, resolve, silence or warm up. Immutable; {@link #from} reads them from a
 * configuration, {@link #builder} starts from the defaults of {@link AlertOptions}.
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

    /**
     * The {@link AlertOptions} of {@code config} for detectors reading windows named {@code window}
     * that advance by {@code step}; a value out of range names its key.
     */
    public static AlertSettings from(ReadableConfig config, String window, Duration step) {
        return builder(window, step)
                .minVolume(config.get(AlertOptions.MIN_VOLUME))
                .baselineWindows(config.get(AlertOptions.BASELINE_WINDOWS))
                .minBaselineWindows(config.get(AlertOptions.MIN_BASELINE_WINDOWS))
                .resolveWindows(config.get(AlertOptions.RESOLVE_WINDOWS))
                .errorSensitivity(config.get(AlertOptions.ERROR_SENSITIVITY))
                .errorMinIncrease(config.get(AlertOptions.ERROR_MIN_INCREASE))
                .latencySloMs(config.get(AlertOptions.LATENCY_SLO_MS))
                .latencyFactor(config.get(AlertOptions.LATENCY_FACTOR))
                .latencySensitivity(config.get(AlertOptions.LATENCY_SENSITIVITY))
                .latencyWindows(config.get(AlertOptions.LATENCY_WINDOWS))
                .latencyInhibitErrorRate(config.get(AlertOptions.LATENCY_INHIBIT_ERROR_RATE))
                .silenceWindows(config.get(AlertOptions.SILENCE_WINDOWS))
                .stateTtl(config.get(AlertOptions.STATE_TTL))
                .templateWarmupWindows(config.get(AlertOptions.TEMPLATE_WARMUP_WINDOWS))
                .templateMinErrors(config.get(AlertOptions.TEMPLATE_MIN_ERRORS))
                .build();
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
        private int minVolume = AlertOptions.MIN_VOLUME.defaultValue();
        private int baselineWindows = AlertOptions.BASELINE_WINDOWS.defaultValue();
        private int minBaselineWindows = AlertOptions.MIN_BASELINE_WINDOWS.defaultValue();
        private int resolveWindows = AlertOptions.RESOLVE_WINDOWS.defaultValue();
        private double errorSensitivity = AlertOptions.ERROR_SENSITIVITY.defaultValue();
        private double errorMinIncrease = AlertOptions.ERROR_MIN_INCREASE.defaultValue();
        private double latencySloMs = AlertOptions.LATENCY_SLO_MS.defaultValue();
        private double latencyFactor = AlertOptions.LATENCY_FACTOR.defaultValue();
        private double latencySensitivity = AlertOptions.LATENCY_SENSITIVITY.defaultValue();
        private int latencyWindows = AlertOptions.LATENCY_WINDOWS.defaultValue();
        private double latencyInhibitErrorRate =
                AlertOptions.LATENCY_INHIBIT_ERROR_RATE.defaultValue();
        private int silenceWindows = AlertOptions.SILENCE_WINDOWS.defaultValue();
        private Duration stateTtl = AlertOptions.STATE_TTL.defaultValue();
        private int templateWarmupWindows = AlertOptions.TEMPLATE_WARMUP_WINDOWS.defaultValue();
        private int templateMinErrors = AlertOptions.TEMPLATE_MIN_ERRORS.defaultValue();

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
