package io.logflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.OptionArgs;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.dashboard.DashboardServer;
import io.logflow.devstack.generator.GeneratorReport;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.generator.LogGeneratorBuilder;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.analytics.AnalyticsOptions;
import io.logflow.jobs.analytics.InputSource;
import io.logflow.notifier.Notifier;
import io.logflow.notifier.NotifierConfig;
import io.logflow.notifier.NotifierConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Everything the demo runs, in one JVM: a KRaft broker, the dev schema registry, the topics, a
 * Flink MiniCluster running the analytics job, the dashboard, the notifier when a receiver is
 * configured, and the log generator. The demo command and its test drive the same wiring.
 */
public final class DemoStack implements AutoCloseable {

    private final DemoSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedKafka kafka;
    private DevSchemaRegistry registry;
    private LocalFlink flink;
    private JobClient analytics;
    private LogGenerator generator;
    private LogGenerator gateway;

    /** The demo's raw stream: nginx access log lines of the gateway. */
    static final String GATEWAY_TOPIC = "gateway-access";

    private DashboardServer dashboard;
    private ObjectNode notifierTree;
    private NotifierConfig notifierConfig;
    private Notifier notifier;

    public DemoStack(DemoSettings settings) {
        this.settings = settings;
    }

    /**
     * Also runs the notifier with this config (Kafka, registry, dashboard URL and data dir filled
     * in by the demo); null: none.
     */
    public DemoStack notifier(ObjectNode tree) {
        this.notifierTree = tree;
        return this;
    }

    /** Starts every part in order, reporting each step to {@code step}. */
    public DemoStack start(Consumer<String> step) throws Exception {
        String host = settings.host();
        Ports.requireFree(host, settings.kafkaPort(), "Kafka", DemoSettings.KAFKA_PORT);
        Ports.requireFree(
                host, settings.registryPort(), "schema registry", DemoSettings.REGISTRY_PORT);
        Ports.requireFree(host, settings.flinkPort(), "Flink web UI", CliOptions.FLINK_PORT);
        Ports.requireFree(host, settings.dashboardPort(), "dashboard", DemoSettings.DASHBOARD_PORT);
        Ports.requireFree(
                host, settings.metricsPort(), "Flink Prometheus reporter", CliOptions.METRICS_PORT);
        Path data = settings.dataDir();
        Files.createDirectories(data.resolve(DataDirs.TMP));

        step.accept("Starting Kafka (KRaft, single node)");
        kafka =
                EmbeddedKafka.builder()
                        .host(host)
                        .port(settings.kafkaPort())
                        .dataDir(data.resolve(DataDirs.KAFKA))
                        .build();
        started.add(kafka);
        kafka.start();

        step.accept("Starting the schema registry");
        registry =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(kafka.bootstrapServers())
                        .host(host)
                        .port(settings.registryPort())
                        .build();
        started.add(registry);
        registry.start();

        step.accept("Creating topics");
        createTopics(kafka);

        step.accept("Starting Flink and the analytics job");
        flink =
                LocalFlink.start(
                        host,
                        settings.flinkPort(),
                        settings.metricsPort(),
                        4,
                        data.resolve(DataDirs.TMP));
        started.add(flink);
        analytics = AnalyticsJob.submit(flink.environment(), analyticsConfig(step));
        started.add(() -> analytics.cancel().get());

        step.accept("Starting the dashboard");
        dashboard =
                DashboardServer.builder()
                        .kafkaBootstrap(kafka.bootstrapServers())
                        .registry(RegistryClientConfig.builder(registry.url()).build())
                        .topic(Defaults.TOPIC_METRICS)
                        .host(host)
                        .port(settings.dashboardPort())
                        .build();
        started.add(dashboard);
        dashboard.start();

        if (notifierTree != null) {
            step.accept("Starting the notifier");
            ObjectNode tree = notifierTree.deepCopy();
            NotifierConfigReader.set(
                    tree, NotifierConfigReader.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            NotifierConfigReader.set(tree, NotifierConfigReader.REGISTRY_URL, registry.url());
            NotifierConfigReader.set(tree, NotifierConfigReader.DASHBOARD_URL, dashboard.url());
            notifierConfig = NotifierConfigReader.read(tree);
            notifier = Notifier.start(notifierConfig);
            started.add(notifier);
            if (!notifier.awaitReady(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException(
                        "The notifier did not find " + notifierConfig.topic() + " in 30 s");
            }
        }

        step.accept(
                "Starting the log generator (Avro on logs, nginx lines on " + GATEWAY_TOPIC + ")");
        generator = generator(1).build();
        generator.start();
        // A raw stream beside the Avro one, as a fleet's nginx would ship it; its dead letters
        // are the Avro stream's to show.
        gateway =
                generator(0.2)
                        .topic(GATEWAY_TOPIC)
                        .format("nginx")
                        .malformedShare(0)
                        .lateShare(0)
                        .seed(settings.seed() + 1)
                        .build();
        gateway.start();
        return this;
    }

    /** Creates LogFlow's default topics that {@code kafka} does not have yet. */
    static void createTopics(EmbeddedKafka kafka) throws Exception {
        Properties props = kafka.clientProperties();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (String topic :
                    List.of(
                            Defaults.TOPIC_LOGS,
                            Defaults.TOPIC_METRICS,
                            Defaults.TOPIC_DLQ,
                            Defaults.TOPIC_LATE,
                            Defaults.TOPIC_PATTERNS,
                            Defaults.TOPIC_ALERTS,
                            GATEWAY_TOPIC)) {
                if (!existing.contains(topic)) {
                    int partitions = topic.equals(Defaults.TOPIC_LOGS) ? 2 : 1;
                    topics.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            admin.createTopics(topics).all().get();
        }
    }

    /**
     * The demo's job: its outputs under the data directory, resumed from the last run's newest
     * checkpoint when there is one ({@code --fresh} deleted them); a changed {@code --window} drops
     * the old definitions' state rather than failing the demo.
     */
    private AnalyticsConfig analyticsConfig(Consumer<String> step) throws java.io.IOException {
        String checkpoints =
                settings.dataDir()
                        .resolve(DataDirs.CHECKPOINTS)
                        .resolve("analytics")
                        .toUri()
                        .toString();
        List<String> args =
                CheckpointResume.apply(
                        new OptionArgs()
                                .set(AnalyticsOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                                .set(AnalyticsOptions.REGISTRY_URL, registry.url())
                                .set(
                                        AnalyticsOptions.INPUT_SOURCES,
                                        Defaults.TOPIC_LOGS + "=avro-confluent;gateway=nginx")
                                .set(InputSource.key("gateway", InputSource.TOPIC), GATEWAY_TOPIC)
                                .set(InputSource.key("gateway", InputSource.SERVICE), "gateway")
                                .setText(AnalyticsOptions.WINDOWS, settings.windows())
                                .set(AnalyticsOptions.FILES_PATH, outputDir().toUri().toString())
                                .set(AnalyticsOptions.FILES_FORMAT, "json")
                                .set(
                                        AnalyticsOptions.DLQ_FILES_PATH,
                                        outputDir(Defaults.TOPIC_DLQ).toUri().toString())
                                .set(
                                        AnalyticsOptions.LATE_FILES_PATH,
                                        outputDir(Defaults.TOPIC_LATE).toUri().toString())
                                .set(AnalyticsOptions.PATTERNS_TOPIC, Defaults.TOPIC_PATTERNS)
                                .set(AnalyticsOptions.ALERTS_TOPIC, Defaults.TOPIC_ALERTS)
                                .set(
                                        AnalyticsOptions.PATTERNS_FILES_PATH,
                                        outputDir(Defaults.TOPIC_PATTERNS).toUri().toString())
                                .set(
                                        AnalyticsOptions.ALERTS_FILES_PATH,
                                        outputDir(Defaults.TOPIC_ALERTS).toUri().toString())
                                .set(AnalyticsOptions.TRANSACTIONAL_ID_PREFIX, "logflow-demo")
                                .setText(
                                        CheckpointingOptions.CHECKPOINTING_INTERVAL,
                                        settings.checkpointInterval())
                                .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints)
                                .set(AnalyticsOptions.IDLE_TIMEOUT, Duration.ofSeconds(10))
                                .set(CoreOptions.DEFAULT_PARALLELISM, 2)
                                .list(),
                        checkpoints,
                        false,
                        true,
                        step);
        return AnalyticsConfig.fromArgs(args.toArray(String[]::new));
    }

    /** The demo's generator at {@code share} of its rate, event-time rate and count. */
    private LogGeneratorBuilder generator(double share) {
        LogGeneratorBuilder b =
                LogGenerator.builder()
                        .bootstrapServers(kafka.bootstrapServers())
                        .registry(RegistryClientConfig.builder(registry.url()).build())
                        .topic(Defaults.TOPIC_LOGS)
                        .seed(settings.seed())
                        .ratePerSecond(settings.rate() * share)
                        .eventTimeRate(
                                (settings.eventTimeRate() > 0
                                                ? settings.eventTimeRate()
                                                : settings.rate())
                                        * share)
                        .count(Math.round(settings.count() * share))
                        .malformedShare(settings.malformedShare())
                        .v2Share(0.2)
                        .lateShare(settings.lateShare())
                        // Within the job's 5 s out-of-orderness, so only lateShare is late.
                        .maxOutOfOrder(java.time.Duration.ofSeconds(2));
        for (String incident : settings.incidents()) {
            b.incident(incident);
        }
        return b;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String flinkUrl() {
        return flink.url();
    }

    public String flinkMetricsUrl() {
        return "http://" + settings.host() + ":" + settings.metricsPort() + "/metrics";
    }

    public String dashboardUrl() {
        return dashboard.url();
    }

    /** The notifier's receivers as they may be shown; null when the demo runs none. */
    public String notifierReceivers() {
        return notifierConfig == null ? null : notifierConfig.receivers().toString();
    }

    /** The running notifier; null when the demo runs none. */
    public Notifier notifierProcess() {
        return notifier;
    }

    /** Where window results are written as JSON Lines, for notebooks. */
    public Path outputDir() {
        return outputDir(Defaults.TOPIC_METRICS);
    }

    /** Where the files of one output (named like its topic) are written. */
    public Path outputDir(String topic) {
        return settings.dataDir().resolve(DataDirs.OUTPUT).resolve(topic);
    }

    /** What the generator has sent so far. */
    public GeneratorReport generated() {
        return generator.progress();
    }

    /** Waits for a bounded generator to send its count, then returns its final report. */
    public GeneratorReport stopGeneratorWhenDone(java.time.Duration timeout) {
        if (gateway.awaitCompletion(timeout) == null) {
            gateway.stop();
        }
        GeneratorReport report = generator.awaitCompletion(timeout);
        return report != null ? report : generator.stop();
    }

    /** Stops the generator and returns its final report. */
    public GeneratorReport stopGenerator() {
        gateway.stop();
        return generator.stop();
    }

    /** What the gateway's nginx stream has sent so far. */
    public GeneratorReport gatewayGenerated() {
        return gateway.progress();
    }

    /** Stops everything in reverse order of starting, whatever fails on the way. */
    @Override
    public void close() {
        for (LogGenerator g : new LogGenerator[] {gateway, generator}) {
            if (g != null) {
                g.requestStop();
                g.awaitCompletion(java.time.Duration.ofSeconds(10));
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // Keep stopping the rest; the log file has the details.
                org.slf4j.LoggerFactory.getLogger(DemoStack.class)
                        .warn("Error while stopping the demo", e);
            }
        }
        started.clear();
    }

    /** What the cluster says about the analytics job now. */
    JobWatcher.Snapshot analyticsSnapshot() throws Exception {
        return flink.snapshot(analytics.getJobID());
    }
}
