package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.dashboard.DashboardServer;
import io.logflow.dashboard.prometheus.LogMetricsExporter;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.devstack.registry.DevSchemaRegistryBuilder;
import java.nio.file.Path;
import java.util.Set;

/** {@code kafka} and {@code registry}: one dev service alone, for users who bring the rest. */
final class ServiceCommands {

    private ServiceCommands() {}

    static int kafka(String[] args, Console out) throws Exception {
        CliArgs a = CliArgs.parse("kafka", args, Set.of("port", "data-dir", "host"), Set.of());
        String host = a.get("host", "127.0.0.1");
        int port = a.port("port", Defaults.KAFKA_PORT);
        Path data = a.path("data-dir", Defaults.DATA_DIR).resolve(DataDirs.KAFKA);
        Ports.requireFree(host, port, "Kafka", "--port");
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting Kafka (KRaft, single node) with data in " + data);
        try (EmbeddedKafka kafka =
                EmbeddedKafka.builder().host(host).port(port).dataDir(data).build()) {
            kafka.start();
            out.line("Kafka bootstrap:  " + kafka.bootstrapServers());
            out.ready("Kafka is running; press Ctrl-C to stop.");
            shutdown.await();
            out.step("Stopping Kafka");
        }
        return 0;
    }

    static int registry(String[] args, Console out) throws Exception {
        CliArgs a =
                CliArgs.parse(
                        "registry",
                        args,
                        Set.of("port", "kafka", "host", "data-dir", "basic-auth", "bearer-token"),
                        Set.of());
        String host = a.get("host", "127.0.0.1");
        int port = a.port("port", Defaults.REGISTRY_PORT);
        String kafka = a.get("kafka", "127.0.0.1:" + Defaults.KAFKA_PORT);
        Ports.requireFree(host, port, "schema registry", "--port");
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting the dev schema registry on Kafka " + kafka);
        DevSchemaRegistryBuilder builder =
                DevSchemaRegistry.builder().kafkaBootstrap(kafka).host(host).port(port);
        String basic = a.get("basic-auth", null);
        if (basic != null) {
            int colon = basic.indexOf(':');
            if (colon <= 0) {
                throw new CliException("registry: --basic-auth needs user:password");
            }
            builder.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
        String token = a.get("bearer-token", null);
        if (token != null) {
            builder.bearerToken(token);
        }
        DevSchemaRegistry built;
        try {
            built = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliException("registry: " + e.getMessage());
        }
        try (DevSchemaRegistry registry = built) {
            try {
                registry.start();
            } catch (IllegalStateException e) {
                throw new CliException(e.getMessage());
            }
            out.line("Schema registry:  " + registry.url());
            out.ready("The schema registry is running; press Ctrl-C to stop.");
            shutdown.await();
            out.step("Stopping the schema registry");
        }
        return 0;
    }

    static int dashboard(String[] args, Console out) throws Exception {
        CliArgs a =
                CliArgs.parse(
                        "dashboard",
                        args,
                        Set.of(
                                "port",
                                "kafka",
                                "registry",
                                "host",
                                "token",
                                "topic",
                                "lookback",
                                "metrics-window",
                                "metrics-max-services",
                                "data-dir"),
                        Set.of());
        String host = a.get("host", "127.0.0.1");
        int port = a.port("port", Defaults.DASHBOARD_PORT);
        String kafka = a.get("kafka", "127.0.0.1:" + Defaults.KAFKA_PORT);
        String registry = a.get("registry", "http://127.0.0.1:" + Defaults.REGISTRY_PORT);
        Ports.requireFree(host, port, "dashboard", "--port");
        DashboardServer server;
        try {
            server =
                    DashboardServer.builder()
                            .kafkaBootstrap(kafka)
                            .registry(RegistryClientConfig.builder(registry).build())
                            .topic(a.get("topic", Defaults.TOPIC_METRICS))
                            .host(host)
                            .port(port)
                            .accessToken(a.get("token", null))
                            .lookback(lookback(a.get("lookback", "1h")))
                            .metricsWindow(a.get("metrics-window", null))
                            .metricsMaxServices(
                                    (int)
                                            a.number(
                                                    "metrics-max-services",
                                                    LogMetricsExporter.DEFAULT_MAX_SERVICES))
                            .build();
        } catch (IllegalArgumentException e) {
            throw new CliException("dashboard: " + e.getMessage());
        }
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting the dashboard on Kafka " + kafka);
        try (DashboardServer dashboard = server.start()) {
            String url = dashboard.url();
            out.line("Dashboard:        " + (a.has("token") ? url + "/?token=<token>" : url));
            out.ready("The dashboard is running; press Ctrl-C to stop.");
            shutdown.await();
            out.step("Stopping the dashboard");
        }
        return 0;
    }

    private static java.time.Duration lookback(String text) {
        try {
            return org.apache.flink.util.TimeUtils.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    "dashboard: --lookback needs a duration like 30m or 2h, got '" + text + "'");
        }
    }
}
