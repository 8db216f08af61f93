package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.dashboard.DashboardServer;
import io.logflow.dashboard.prometheus.LogMetricsExporter;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.devstack.registry.DevSchemaRegistryBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** {@code kafka}, {@code registry} and {@code dashboard}: one dev service alone. */
final class ServiceCommands {

    static final ConfigOption<String> HOST =
            key("host").stringType().defaultValue("127.0.0.1").withDescription("Address to bind.");
    static final ConfigOption<String> KAFKA =
            key("kafka")
                    .stringType()
                    .defaultValue(Defaults.LOOPBACK_KAFKA)
                    .withDescription("Kafka host:port.");
    static final ConfigOption<Integer> KAFKA_PORT = port(Defaults.KAFKA_PORT);
    static final ConfigOption<Integer> REGISTRY_PORT = port(Defaults.REGISTRY_PORT);
    static final ConfigOption<Integer> DASHBOARD_PORT = port(Defaults.DASHBOARD_PORT);
    private static final List<ConfigOption<Integer>> PORTS =
            List.of(KAFKA_PORT, REGISTRY_PORT, DASHBOARD_PORT);
    static final ConfigOption<String> BASIC_AUTH =
            CliOptions.text(
                    "basic-auth", "user:password; this or a token is required off loopback.");
    static final ConfigOption<String> BEARER_TOKEN =
            CliOptions.text("bearer-token", "Access token.");
    static final ConfigOption<String> REGISTRY =
            key("registry")
                    .stringType()
                    .defaultValue(Defaults.LOOPBACK_REGISTRY)
                    .withDescription("Schema registry URL.");
    static final ConfigOption<String> TOKEN =
            CliOptions.text("token", "Access token; required for a non-loopback host.");
    static final ConfigOption<String> TOPIC =
            key("topic")
                    .stringType()
                    .defaultValue(Defaults.TOPIC_METRICS)
                    .withDescription("Metrics topic.");
    static final ConfigOption<Duration> LOOKBACK =
            key("lookback")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("How far back the charts start.");
    static final ConfigOption<String> METRICS_WINDOW =
            CliOptions.text(
                    "metrics-window",
                    "Window the Prometheus export reads, e.g. tumbling-1m; default: the"
                            + " first tumbling one seen.");
    static final ConfigOption<Integer> METRICS_MAX_SERVICES =
            key("metrics-max-services")
                    .intType()
                    .defaultValue(LogMetricsExporter.DEFAULT_MAX_SERVICES)
                    .withDescription("Services the Prometheus export keeps.");

    static final ToolArgs KAFKA_ARGS =
            ToolArgs.of("bin/logflow kafka", KAFKA_PORT, CliOptions.DATA_DIR, HOST);
    static final ToolArgs REGISTRY_ARGS =
            ToolArgs.of(
                    "bin/logflow registry",
                    KAFKA,
                    REGISTRY_PORT,
                    HOST,
                    CliOptions.DATA_DIR,
                    BASIC_AUTH,
                    BEARER_TOKEN);
    static final ToolArgs DASHBOARD_ARGS =
            ToolArgs.of(
                    "bin/logflow dashboard",
                    KAFKA,
                    REGISTRY,
                    DASHBOARD_PORT,
                    TOPIC,
                    LOOKBACK,
                    HOST,
                    TOKEN,
                    METRICS_WINDOW,
                    METRICS_MAX_SERVICES,
                    CliOptions.DATA_DIR);

    private ServiceCommands() {}

    static int kafka(String[] args, Console out) throws Exception {
        Configuration a = CliOptions.parse("kafka", KAFKA_ARGS, args, PORTS);
        String host = a.get(HOST);
        int port = a.get(KAFKA_PORT);
        Path data = CliOptions.dataDir(a).resolve(DataDirs.KAFKA);
        Ports.requireFree(host, port, "Kafka", KAFKA_PORT);
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
        Configuration a = CliOptions.parse("registry", REGISTRY_ARGS, args, PORTS);
        String host = a.get(HOST);
        int port = a.get(REGISTRY_PORT);
        String kafka = a.get(KAFKA);
        Ports.requireFree(host, port, "schema registry", REGISTRY_PORT);
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting the dev schema registry on Kafka " + kafka);
        DevSchemaRegistryBuilder builder =
                DevSchemaRegistry.builder().kafkaBootstrap(kafka).host(host).port(port);
        String basic = a.get(BASIC_AUTH);
        if (basic != null) {
            int colon = basic.indexOf(':');
            if (colon <= 0) {
                throw new CliException("registry: --basic-auth needs user:password");
            }
            builder.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
        String token = a.get(BEARER_TOKEN);
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
        Configuration a = CliOptions.parse("dashboard", DASHBOARD_ARGS, args, PORTS);
        String host = a.get(HOST);
        int port = a.get(DASHBOARD_PORT);
        String kafka = a.get(KAFKA);
        String registry = a.get(REGISTRY);
        Ports.requireFree(host, port, "dashboard", DASHBOARD_PORT);
        DashboardServer server;
        try {
            server =
                    DashboardServer.builder()
                            .kafkaBootstrap(kafka)
                            .registry(RegistryClientConfig.builder(registry).build())
                            .topic(a.get(TOPIC))
                            .host(host)
                            .port(port)
                            .accessToken(a.get(TOKEN))
                            .lookback(a.get(LOOKBACK))
                            .metricsWindow(a.get(METRICS_WINDOW))
                            .metricsMaxServices(a.get(METRICS_MAX_SERVICES))
                            .build();
        } catch (IllegalArgumentException e) {
            throw new CliException("dashboard: " + e.getMessage());
        }
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting the dashboard on Kafka " + kafka);
        try (DashboardServer dashboard = server.start()) {
            String url = dashboard.url();
            out.line("Dashboard:        " + (a.contains(TOKEN) ? url + "/?token=<token>" : url));
            out.ready("The dashboard is running; press Ctrl-C to stop.");
            shutdown.await();
            out.step("Stopping the dashboard");
        }
        return 0;
    }

    private static ConfigOption<Integer> port(int defaultPort) {
        return CliOptions.port("port", defaultPort, "Port to serve on.");
    }
}
