package io.logflow.connectors;

/**
 * LogFlow's shared names and local defaults, in the one module every other depends on, so the job,
 * the dashboard, the generator and the CLI agree without repeating them. The registry is not on
 * Confluent's 8081, which the Flink web UI takes.
 */
public final class Defaults {

    public static final String DATA_DIR = ".logflow";
    public static final int KAFKA_PORT = 9092;
    public static final int REGISTRY_PORT = 8085;
    public static final int FLINK_PORT = 8081;
    public static final int DASHBOARD_PORT = 8088;

    /**
     * Flink's Prometheus reporter (9249 is Flink's own default; a local cluster's TaskManager takes
     * 9250).
     */
    public static final int FLINK_METRICS_PORT = 9249;

    public static final String KAFKA_BOOTSTRAP = "localhost:" + KAFKA_PORT;
    public static final String REGISTRY_URL = "http://localhost:" + REGISTRY_PORT;

    /** The broker and registry that {@code bin/logflow} starts, which bind IPv4 loopback only. */
    public static final String LOOPBACK_KAFKA = "127.0.0.1:" + KAFKA_PORT;

    public static final String LOOPBACK_REGISTRY = "http://127.0.0.1:" + REGISTRY_PORT;

    public static final String TOPIC_LOGS = "logs";
    public static final String TOPIC_METRICS = "log-metrics";
    public static final String TOPIC_DLQ = "logs-dlq";
    public static final String TOPIC_LATE = "logs-late";
    public static final String TOPIC_PATTERNS = "log-patterns";
    public static final String TOPIC_ALERTS = "log-alerts";

    private Defaults() {}
}
