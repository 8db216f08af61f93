package io.logflow.jobs.alerts;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * The detectors' tuning options ({@code alerts.*}), each with its one default; {@link
 * AlertSettings#from} reads them.
 */
public final class AlertOptions {

    private AlertOptions() {}

    public static final ConfigOption<Integer> MIN_VOLUME =
            key("alerts.min-volume")
                    .intType()
                    .defaultValue(100)
                    .withDescription(
                            "Windows with fewer events (HTTP events for latency) are not judged:"
                                    + " a handful of events makes any rate noisy.");

    public static final ConfigOption<Integer> BASELINE_WINDOWS =
            key("alerts.baseline-windows")
                    .intType()
                    .defaultValue(30)
                    .withDescription(
                            "How many recent normal windows per service form the baseline"
                                    + " (median and MAD).");

    public static final ConfigOption<Integer> MIN_BASELINE_WINDOWS =
            key("alerts.min-baseline-windows")
                    .intType()
                    .defaultValue(5)
                    .withDescription("Normal windows a service needs before it is judged.");

    public static final ConfigOption<Integer> RESOLVE_WINDOWS =
            key("alerts.resolve-windows")
                    .intType()
                    .defaultValue(2)
                    .withDescription(
                            "Normal windows in a row (or windows without the new template) that"
                                    + " resolve a firing alert.");

    public static final ConfigOption<Double> ERROR_SENSITIVITY =
            key("alerts.error-rate.sensitivity")
                    .doubleType()
                    .defaultValue(6.0)
                    .withDescription(
                            "An error rate is a spike above median + this many robust standard"
                                    + " deviations (1.4826 x MAD); lower is more sensitive.");

    public static final ConfigOption<Double> ERROR_MIN_INCREASE =
            key("alerts.error-rate.min-increase")
                    .doubleType()
                    .defaultValue(0.05)
                    .withDescription(
                            "...and at least this much above the median (0.05 = 5 points), so a"
                                    + " very steady service does not alert on tiny changes.");

    public static final ConfigOption<Double> LATENCY_SLO_MS =
            key("alerts.latency.slo-ms")
                    .doubleType()
                    .defaultValue(0.0)
                    .withDescription(
                            "Absolute p99 SLO in ms: a p99 above it is a regression; 0 = off.");

    public static final ConfigOption<Double> LATENCY_FACTOR =
            key("alerts.latency.factor")
                    .doubleType()
                    .defaultValue(2.0)
                    .withDescription(
                            "A p99 is far above its baseline above this multiple of the median"
                                    + " (and above alerts.latency.sensitivity deviations).");

    public static final ConfigOption<Double> LATENCY_SENSITIVITY =
            key("alerts.latency.sensitivity")
                    .doubleType()
                    .defaultValue(6.0)
                    .withDescription("Robust standard deviations of p99 above the median.");

    public static final ConfigOption<Integer> LATENCY_WINDOWS =
            key("alerts.latency.windows")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Slow windows in a row (K) that raise a latency alert.");

    public static final ConfigOption<Double> LATENCY_INHIBIT_ERROR_RATE =
            key("alerts.latency.inhibit-error-rate")
                    .doubleType()
                    .defaultValue(0.05)
                    .withDescription(
                            "Windows with at least this error rate are not judged for latency:"
                                    + " timeouts of an error spike raise p99 too, and that"
                                    + " incident is reported as an error-rate spike.");

    public static final ConfigOption<Integer> SILENCE_WINDOWS =
            key("alerts.silence.windows")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Window steps (N) without any event from a service that was sending"
                                    + " before it counts as silent; raise it for sparse services.");

    public static final ConfigOption<Duration> STATE_TTL =
            key("alerts.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "Event time after its last window when a service's detector state is"
                                    + " dropped (a firing alert resolves as expired).");

    public static final ConfigOption<Integer> TEMPLATE_WARMUP_WINDOWS =
            key("alerts.new-template.warmup-windows")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "Windows per service that only learn templates, so a fresh start does"
                                    + " not report every template as new.");

    public static final ConfigOption<Integer> TEMPLATE_MIN_ERRORS =
            key("alerts.new-template.min-errors")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Error lines a new template needs within its first two windows: one"
                                    + " stray line of a rare template is not an incident.");

    public static final ConfigOption<String> RULES_FILE =
            key("alerts.rules-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A YAML file of per-service (and per-route latency) overrides of these"
                                    + " settings and a severity per rule, read and checked where"
                                    + " the job is built (the flink run client); none: the same"
                                    + " settings for every service.");

    /** Every option of this class. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                MIN_VOLUME,
                BASELINE_WINDOWS,
                MIN_BASELINE_WINDOWS,
                RESOLVE_WINDOWS,
                ERROR_SENSITIVITY,
                ERROR_MIN_INCREASE,
                LATENCY_SLO_MS,
                LATENCY_FACTOR,
                LATENCY_SENSITIVITY,
                LATENCY_WINDOWS,
                LATENCY_INHIBIT_ERROR_RATE,
                SILENCE_WINDOWS,
                STATE_TTL,
                TEMPLATE_WARMUP_WINDOWS,
                TEMPLATE_MIN_ERRORS,
                RULES_FILE);
    }
}
