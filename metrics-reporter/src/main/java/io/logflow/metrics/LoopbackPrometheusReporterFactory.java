package io.logflow.metrics;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.PortRange;

/**
 * Creates a {@link LoopbackPrometheusReporter}: Flink's Prometheus reporter on {@code host}
 * (default 127.0.0.1) and the first free port of {@code port} (default 9249, a range such as {@code
 * 9249-9250} lets a JobManager and a TaskManager on one machine each take one).
 *
 * <pre>{@code
 * metrics.reporter.prom.factory.class: io.logflow.metrics.LoopbackPrometheusReporterFactory
 * metrics.reporter.prom.host: 127.0.0.1
 * metrics.reporter.prom.port: 9249-9250
 * }</pre>
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {

    /** The address to bind. */
    public static final String ARG_HOST = "host";

    /** The port or port range to bind. */
    public static final String ARG_PORT = "port";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_PORT = "9249";

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new LoopbackPrometheusReporter(
                properties.getProperty(ARG_HOST, DEFAULT_HOST),
                new PortRange(properties.getProperty(ARG_PORT, DEFAULT_PORT)));
    }
}
