package io.logflow.dashboard.prometheus;

import java.util.Locale;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): one {@code # HELP} and {@code #
 * TYPE} per family, then its samples, label values escaped as the format says.
 *
 * <pre>{@code
 * PrometheusText out = new PrometheusText();
 * out.family("logflow_events_total", "counter", "Events counted");
 * out.sample("logflow_events_total", 42, "service", "checkout", "level", "ERROR");
 * String body = out.toString();
 * }</pre>
 */
public final class PrometheusText {

    /** What the body is, for the Content-Type header. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a metric family. */
    public void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ');
        escapeHelp(help);
        out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample; {@code labels} are name, value, name, value ... */
    public void sample(String name, double value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"");
                escapeLabelValue(labels[i + 1]);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    /** Integers without a fraction, so counts read exactly; the format's spellings otherwise. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private void escapeLabelValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private void escapeHelp(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
