package io.logflow.cli;

import io.logflow.connectors.Defaults;
import java.nio.file.Path;
import java.util.List;

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

    /** The demo as {@code bin/logflow demo} runs it, with data in {@code dataDir}. */
    public static DemoSettings defaults(Path dataDir) {
        return new DemoSettings(
                dataDir,
                "127.0.0.1",
                Defaults.KAFKA_PORT,
                Defaults.REGISTRY_PORT,
                Defaults.FLINK_PORT,
                Defaults.DASHBOARD_PORT,
                Defaults.FLINK_METRICS_PORT,
                500,
                0,
                0,
                42,
                0.002,
                0.001,
                "tumbling:10s",
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
