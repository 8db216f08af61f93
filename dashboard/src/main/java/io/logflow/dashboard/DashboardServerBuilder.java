package io.logflow.dashboard;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.dashboard.prometheus.LogMetricsExporter;
import java.time.Duration;

/** Settings of a {@link DashboardServer}; defaults suit the local demo. */
public final class DashboardServerBuilder {

    String kafkaBootstrap;
    String topic = Defaults.TOPIC_METRICS;
    String alertsTopic = Defaults.TOPIC_ALERTS;
    String patternsTopic = Defaults.TOPIC_PATTERNS;
    String deadLetterTopic = Defaults.TOPIC_DLQ;
    RegistryClientConfig registry;
    String host = "127.0.0.1";
    int port = Defaults.DASHBOARD_PORT;
    String token;
    Duration lookback = DashboardServer.defaultLookback();
    Duration retention = Duration.ofHours(6);
    int maxPointsPerSeries = 10_000;
    int maxAlerts = 500;
    int maxPatternsPerService = 50_000;
    String metricsWindow;
    int metricsMaxServices = LogMetricsExporter.DEFAULT_MAX_SERVICES;

    DashboardServerBuilder() {}

    /**
     * Kafka to read results from; without it the dashboard serves only what is put in its store.
     */
    public DashboardServerBuilder kafkaBootstrap(String bootstrap) {
        this.kafkaBootstrap = bootstrap;
        return this;
    }

    public DashboardServerBuilder topic(String topic) {
        this.topic = topic;
        return this;
    }

    /** Topic of the job's Alert transitions (default log-alerts); it may not exist yet. */
    public DashboardServerBuilder alertsTopic(String topic) {
        this.alertsTopic = topic;
        return this;
    }

    /** Topic of the job's LogPattern counts (default log-patterns); it may not exist yet. */
    public DashboardServerBuilder patternsTopic(String topic) {
        this.patternsTopic = topic;
        return this;
    }

    /** Topic of the job's dead letters (default logs-dlq), counted for the page's banner. */
    public DashboardServerBuilder deadLetterTopic(String topic) {
        this.deadLetterTopic = topic;
        return this;
    }

    public DashboardServerBuilder registry(RegistryClientConfig registry) {
        this.registry = registry;
        return this;
    }

    public DashboardServerBuilder host(String host) {
        this.host = host;
        return this;
    }

    /** The HTTP port; 0 picks a free one. */
    public DashboardServerBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Requires this token on every API call; mandatory when binding beyond loopback. */
    public DashboardServerBuilder accessToken(String token) {
        this.token = token;
        return this;
    }

    /** How far back to read results at start (default 1 h). */
    public DashboardServerBuilder lookback(Duration lookback) {
        this.lookback = lookback;
        return this;
    }

    /** How much history to keep in memory, in event time (default 6 h). */
    public DashboardServerBuilder retention(Duration retention) {
        this.retention = retention;
        return this;
    }

    public DashboardServerBuilder maxPointsPerSeries(int max) {
        this.maxPointsPerSeries = max;
        return this;
    }

    /** How many alerts to keep in memory (default 500); resolved ones are dropped first. */
    public DashboardServerBuilder maxAlerts(int max) {
        this.maxAlerts = max;
        return this;
    }

    /** How many template records (one per template and window) to keep per service. */
    public DashboardServerBuilder maxPatternsPerService(int max) {
        this.maxPatternsPerService = max;
        return this;
    }

    /**
     * The window definition whose results {@code /metrics} exports (e.g. {@code tumbling-1m});
     * default the first tumbling one seen.
     */
    public DashboardServerBuilder metricsWindow(String window) {
        this.metricsWindow = window;
        return this;
    }

    /**
     * Services with their own {@code service} label on {@code /metrics} (default 1000); later ones
     * are summed under {@code service="_other"}.
     */
    public DashboardServerBuilder metricsMaxServices(int max) {
        this.metricsMaxServices = max;
        return this;
    }

    public DashboardServer build() {
        if (maxAlerts < 1
                || maxPatternsPerService < 1
                || maxPointsPerSeries < 1
                || metricsMaxServices < 1) {
            throw new IllegalArgumentException(
                    "maxAlerts, maxPatternsPerService, maxPointsPerSeries and metricsMaxServices"
                            + " must be at least 1");
        }
        for (String t : new String[] {topic, alertsTopic, patternsTopic, deadLetterTopic}) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException(
                        "Dashboard topics (topic, alertsTopic, patternsTopic, deadLetterTopic)"
                                + " must not be blank");
            }
        }
        if (kafkaBootstrap != null && registry == null) {
            throw new IllegalArgumentException(
                    "The dashboard needs the schema registry to decode results: set registry(..)");
        }
        if (!DashboardServer.isLoopback(host) && (token == null || token.isBlank())) {
            throw new IllegalArgumentException(
                    "Binding the dashboard to "
                            + host
                            + " exposes log data beyond this machine: set an access token"
                            + " (--token) or bind 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Dashboard port must be 0..65535, got " + port);
        }
        return new DashboardServer(this);
    }
}
