package io.logflow.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.Iterator;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;
import org.apache.flink.util.PortRange;

/**
 * Flink's Prometheus reporter, same metric names and labels, served on one address: Flink's own
 * {@code PrometheusReporter} always binds every interface, which would expose a developer's job
 * metrics to the network the laptop is on.
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {

    private final HTTPServer server;
    private final int port;

    LoopbackPrometheusReporter(String host, PortRange ports) {
        this.server = bind(host, ports, registry(this));
        this.port = server.getPort();
        log.info("Started the Prometheus reporter on {}:{}", host, port);
    }

    private static HTTPServer bind(String host, PortRange ports, CollectorRegistry registry) {
        IOException last = null;
        Iterator<Integer> candidates = ports.getPortsIterator();
        while (candidates.hasNext()) {
            try {
                return new HTTPServer(
                        new InetSocketAddress(host, candidates.next()), registry, true);
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IllegalStateException(
                "Prometheus reporter: no free port in " + ports + " on " + host, last);
    }

    /** The port it serves on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
        super.close();
    }

    /**
     * The registry the base class fills; Flink keeps it package-private, and its own subclass is
     * the one that binds every interface, so this reads it once, at start.
     */
    private static CollectorRegistry registry(AbstractPrometheusReporter reporter) {
        try {
            Field f = AbstractPrometheusReporter.class.getDeclaredField("registry");
            f.setAccessible(true);
            return (CollectorRegistry) f.get(reporter);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This Flink version's Prometheus reporter has no registry field", e);
        }
    }
}
