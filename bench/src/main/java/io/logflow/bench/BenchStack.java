package io.logflow.bench;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.devstack.generator.GeneratorReport;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.generator.LogGeneratorBuilder;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The services every scenario shares, in the driver's JVM and so outside every measured process: a
 * real KRaft broker and the dev schema registry; plus topic creation and generator preloads.
 */
final class BenchStack implements AutoCloseable {

    /** Partitions of every input topic: enough for parallelism 2 and two stream threads. */
    static final int PARTITIONS = 2;

    private final EmbeddedKafka kafka;
    private final DevSchemaRegistry registry;

    private BenchStack(EmbeddedKafka kafka, DevSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static BenchStack start() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().build().start();
        try {
            DevSchemaRegistry registry =
                    DevSchemaRegistry.builder()
                            .kafkaBootstrap(kafka.bootstrapServers())
                            .build()
                            .start();
            return new BenchStack(kafka, registry);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    RegistryClientConfig registryConfig() {
        return RegistryClientConfig.builder(registry.url()).build();
    }

    void createTopics(String... topics) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            admin.createTopics(newTopics).all().get();
        }
    }

    /**
     * Writes {@code count} generator events, unthrottled, spread over {@code span} of event time
     * that ends a little before now (so no event is "from the future").
     */
    GeneratorReport preload(
            String topic, long count, List<String> services, Duration span, long seed) {
        return preload(topic, count, services, span, seed, "avro");
    }

    /** As {@link #preload}, written in one of the generator's formats (avro, nginx, json, ...). */
    GeneratorReport preload(
            String topic,
            long count,
            List<String> services,
            Duration span,
            long seed,
            String format) {
        LogGeneratorBuilder builder =
                LogGenerator.builder()
                        .format(format)
                        .bootstrapServers(bootstrap())
                        .registry(registryConfig())
                        .topic(topic)
                        .seed(seed)
                        .ratePerSecond(0)
                        .eventTimeRate(Math.max(1.0, count / (double) span.toSeconds()))
                        .count(count)
                        .maxOutOfOrder(BenchSettings.JITTER)
                        .startAt(Instant.now().minus(span).minus(Duration.ofMinutes(5)));
        if (services != null) {
            builder.services(services);
        }
        return checked(builder.build().run(), topic);
    }

    /** A generator for the latency probe: paced, event time following the wall clock from now. */
    LogGenerator pacedGenerator(String topic, double rate, long count, List<String> services) {
        LogGeneratorBuilder builder =
                LogGenerator.builder()
                        .bootstrapServers(bootstrap())
                        .registry(registryConfig())
                        .topic(topic)
                        .seed(7)
                        .ratePerSecond(rate)
                        .eventTimeRate(rate)
                        .count(count)
                        .maxOutOfOrder(BenchSettings.JITTER)
                        .startAt(Instant.now());
        if (services != null) {
            builder.services(services);
        }
        return builder.build();
    }

    static GeneratorReport checked(GeneratorReport report, String topic) {
        if (report.failedRecords() > 0) {
            throw new IllegalStateException(
                    "Preloading "
                            + topic
                            + " failed for "
                            + report.failedRecords()
                            + " records: "
                            + report.firstFailure());
        }
        return report;
    }

    /** Per-service event totals in a results topic (read_committed, latest result per window). */
    Map<String, Long> countsByService(String topic) {
        return ResultCounts.read(bootstrap(), topic, registryConfig());
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
