package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.OptionArgs;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.analytics.AnalyticsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.configuration.CheckpointingOptions;

/**
 * A chaos run: the analytics job on a standalone cluster reads a steady stream while faults hit it
 * (TaskManager SIGKILL, broker restart, stop-with-savepoint + resubmission at another parallelism,
 * round after round); afterwards every window's committed result, on the metrics topic and in the
 * result files, is compared with the input.
 *
 * <p>The broker, registry and cluster are its own, under {@code <dir>}, on free ports.
 */
final class ChaosRun {

    /** What one run is asked to do. */
    record Settings(Path home, Path dir, long events, int perSecond, int rounds, Duration outage) {}

    /** What one run did and found. */
    record Report(
            Settings settings,
            List<ChaosFaults.Fault> faults,
            int brokerOutagesFelt,
            long acknowledged,
            long failedSends,
            List<ChaosResults.Comparison> outputs) {

        boolean exact() {
            return failedSends == 0 && outputs.stream().allMatch(ChaosResults.Comparison::exact);
        }
    }

    private static final Duration RESULTS_WAIT = Duration.ofMinutes(5);

    private final Settings settings;
    private final Consumer<String> step;

    ChaosRun(Settings settings, Consumer<String> step) {
        this.settings = settings;
        this.step = step;
    }

    Report run() throws Exception {
        Path dir = settings.dir();
        step.accept("Starting a Kafka broker and the schema registry");
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
                DevSchemaRegistry registry =
                        DevSchemaRegistry.builder()
                                .kafkaBootstrap(kafka.bootstrapServers())
                                .build()
                                .start()) {
            DemoStack.createTopics(kafka);
            RegistryClientConfig registryConfig =
                    RegistryClientConfig.builder(registry.url()).build();
            step.accept(
                    "Starting a standalone Flink cluster (logs in "
                            + dir.resolve("cluster/log")
                            + ")");
            LocalCluster cluster =
                    new LocalCluster(
                            settings.home(),
                            dir.resolve("cluster"),
                            Ports.free("127.0.0.1"),
                            Ports.free("127.0.0.1"));
            // The cluster's JVMs are not this JVM's: on Ctrl-C they must be stopped too.
            Thread hook = new Thread(() -> stopQuietly(cluster), "chaos-cluster-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                cluster.start(Duration.ofMinutes(2));
                return underFaults(kafka, registry.url(), registryConfig, cluster);
            } finally {
                cluster.stop();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or has run.
                }
            }
        }
    }

    private Report underFaults(
            EmbeddedKafka kafka,
            String registryUrl,
            RegistryClientConfig registryConfig,
            LocalCluster cluster)
            throws Exception {
        Path files = settings.dir().resolve("files/metrics");
        ChaosInput input = new ChaosInput(kafka.bootstrapServers(), registryConfig);
        ChaosFaults faults =
                new ChaosFaults(
                        cluster,
                        kafka,
                        LocalCluster.jobsJar(settings.home()),
                        jobArgs(kafka.bootstrapServers(), registryUrl, files),
                        settings.outage(),
                        input::sent);
        step.accept("Submitting the analytics job at parallelism 1");
        faults.submit(1, null);

        Thread producer = new Thread(() -> produce(input), "chaos-producer");
        step.accept(
                String.format(
                        "Producing %,d events at %,d/s while injecting %d faults",
                        settings.events(), settings.perSecond(), 3 * settings.rounds()));
        faults.startClock();
        producer.start();
        int total = 3 * settings.rounds();
        for (int k = 0; k < total; k++) {
            long due = (k + 1) * settings.events() / (total + 1);
            int kind = k % 3;
            while (producer.isAlive() && input.sent() < due) {
                Thread.sleep(100);
            }
            switch (kind) {
                case 0 -> faults.killTaskManager();
                case 1 -> faults.restartBroker();
                default -> faults.rescale();
            }
            ChaosFaults.Fault f = faults.injected().get(faults.injected().size() - 1);
            step.accept(
                    String.format(
                            "Fault %d/%d at %.0f s: %s (%s); running and checkpointed again"
                                    + " %.1f s later",
                            k + 1,
                            total,
                            f.atSeconds(),
                            f.kind(),
                            f.detail(),
                            f.recoverySeconds()));
        }
        producer.join();
        if (input.firstFailure() != null) {
            step.accept("Sends failed: " + input.failed() + ", first: " + input.firstFailure());
        }

        step.accept(
                "Reading every window's committed result (read_committed) and the result files");
        var expected = input.expected();
        var topic =
                ChaosResults.fromTopic(
                                kafka.bootstrapServers(),
                                registryConfig,
                                Defaults.TOPIC_METRICS,
                                expected,
                                RESULTS_WAIT)
                        .compare(Defaults.TOPIC_METRICS + " (read_committed)", expected);
        var fileResults =
                ChaosResults.fromFiles(files, expected, RESULTS_WAIT)
                        .compare("result files (committed part files)", expected);
        return new Report(
                settings,
                faults.injected(),
                faults.brokerOutagesFelt(),
                input.acknowledged(),
                input.failed(),
                List.of(topic, fileResults));
    }

    private static void stopQuietly(LocalCluster cluster) {
        try {
            cluster.stop();
        } catch (Exception e) {
            System.err.println("logflow: could not stop the chaos cluster: " + e.getMessage());
        }
    }

    private void produce(ChaosInput input) {
        try {
            input.produce(settings.events(), settings.perSecond());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> jobArgs(String bootstrap, String registryUrl, Path files) {
        List<String> args = new ArrayList<>(List.of(AnalyticsJob.NAME));
        args.addAll(
                new OptionArgs()
                        .set(AnalyticsOptions.BOOTSTRAP_SERVERS, bootstrap)
                        .set(AnalyticsOptions.REGISTRY_URL, registryUrl)
                        .set(AnalyticsOptions.INPUT_TOPICS, List.of(Defaults.TOPIC_LOGS))
                        .set(AnalyticsOptions.STARTING_OFFSETS, "earliest")
                        .set(AnalyticsOptions.WINDOWS, List.of("tumbling:1m"))
                        .set(AnalyticsOptions.FILES_PATH, files.toUri().toString())
                        .set(AnalyticsOptions.FILES_FORMAT, "json")
                        .set(AnalyticsOptions.TRANSACTIONAL_ID_PREFIX, "logflow-chaos")
                        .set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2))
                        .list());
        return args;
    }
}
