package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The knobs of the demo; ports of 0 pick free ones (tests). {@code eventTimeRate} is how fast event
 * time advances per event (0: as fast as events are sent), so a short test run can still span many
 * windows. {@code metricsPort} is Flink's Prometheus reporter, on the demo's host.
 */
public record DemoSettings(
        Path dataDir,
        String host,
        int kafkaPort,
        int registryPort,
        int flinkPort,
        int dashboardPort,
        int metricsPort,
        double rate,
        double eventTimeRate,
        long count,
        long seed,
        double malformedShare,
        double lateShare,
        String windows,
        String checkpointInterval,
        List<String> incidents) {

    static final ConfigOption<Integer> KAFKA_PORT =
            CliOptions.port("kafka-port", Defaults.KAFKA_PORT, "Kafka port.");
    static final ConfigOption<Integer> REGISTRY_PORT =
            CliOptions.port("registry-port", Defaults.REGISTRY_PORT, "Schema registry port.");
    static final ConfigOption<Integer> DASHBOARD_PORT =
            CliOptions.port("dashboard-port", Defaults.DASHBOARD_PORT, "Dashboard port.");
    static final ConfigOption<Double> RATE =
            key("rate")
                    .doubleType()
                    .defaultValue(500.0)
                    .withDescription("Generated events per second.");
    static final ConfigOption<String> WINDOW =
            key("window")
                    .stringType()
                    .defaultValue("tumbling:10s")
                    .withDescription("The job's window definitions.");
    static final ConfigOption<Long> SEED =
            key("seed").longType().defaultValue(42L).withDescription("Generator seed.");

    /** The ports among the flags {@link #from} reads. */
    static final List<ConfigOption<Integer>> PORTS =
            List.of(
                    KAFKA_PORT,
                    REGISTRY_PORT,
                    CliOptions.FLINK_PORT,
                    DASHBOARD_PORT,
                    CliOptions.METRICS_PORT);

    /** The demo as {@code bin/logflow demo} runs it with the flags {@code conf} gives. */
    static DemoSettings from(ReadableConfig conf) {
        return new DemoSettings(
                CliOptions.path(conf.get(CliOptions.DATA_DIR)),
                "127.0.0.1",
                conf.get(KAFKA_PORT),
                conf.get(REGISTRY_PORT),
                conf.get(CliOptions.FLINK_PORT),
                conf.get(DASHBOARD_PORT),
                conf.get(CliOptions.METRICS_PORT),
                conf.get(RATE),
                0,
                0,
                conf.get(SEED),
                0.002,
                0.001,
                conf.get(WINDOW),
                "5s",
                // Something to find: an error spike, a slow path, a service going quiet, a new
                // error.
                List.of(
                        "spike:payments@60s+60s",
                        "latency:search:/api/search@150s+90s",
                        "silence:auth@300s+60s",
                        "newerror:checkout@420s+60s"));
    }
}
