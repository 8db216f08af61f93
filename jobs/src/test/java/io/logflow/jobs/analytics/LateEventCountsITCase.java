package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Late events with two window definitions: one late for every definition goes to logs-late once and
 * is counted by both; one late only for the second definition is counted there and goes nowhere
 * else. The counters are read from the running job's metrics.
 */
class LateEventCountsITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final PipelineExtension STACK =
            new PipelineExtension(2, METRICS.addToConfiguration(new Configuration()));

    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void lateEventsOfEveryDefinitionAreCountedAndLoggedOnce() throws Exception {
        TestAnalyticsJob analytics =
                TestAnalyticsJob.on(KAFKA, REGISTRY, 1)
                        .set("windows", "sliding:5m/1m;tumbling:1m")
                        .set("window.allowed-lateness", "0s")
                        .set("patterns.enabled", "false")
                        .set("alerts.enabled", "false")
                        .set("execution.checkpointing.interval", "300ms");
        String in = analytics.input();
        String metrics = analytics.metrics();
        String late = analytics.late();
        AnalyticsConfig config = analytics.config();
        String second = "count-late-events-" + config.windows().get(1).name();
        JobClient job = analytics.submit();
        try {
            // Phase 1: six events in [T0, T0+50s], then one at +400 s: the watermark jumps to
            // +399 s and fires the tumbling window [T0, T0+1m) and the five sliding windows
            // that end by +300 s.
            List<LogEvent> phase1 = new ArrayList<>();
            for (int s = 0; s <= 50; s += 10) {
                phase1.add(event(s));
            }
            phase1.add(event(400));
            send(in, phase1);
            List<WindowStats> fired = results(metrics, 6);
            assertThat(fired)
                    .filteredOn(w -> w.getWindow().equals(config.windows().get(1).name()))
                    .singleElement()
                    .satisfies(w -> assertThat(w.getCount()).isEqualTo(6));

            // Phase 2: +250 s is late for tumbling [+240 s, +300 s) but still fits the sliding
            // windows that end after +399 s; +10 s is late for every window it belongs to.
            send(in, List.of(event(250), event(10)));
            List<ConsumerRecord<byte[], byte[]>> logged = KAFKA.read(late, 1, WAIT);
            assertThat(logged).hasSize(1);
            assertThat(
                            ConfluentAvroSerdes.valueDeserializer(
                                            LogEvent.class, late, REGISTRY.clientConfig().build())
                                    .deserialize(logged.get(0).value())
                                    .getTimestamp())
                    .isEqualTo(T0.plusSeconds(10));

            JobID id = job.getJobID();
            assertThat(awaitCount(id, second, 2)).as(second).isEqualTo(2);
            assertThat(awaitCount(id, "count-late-events", 1)).as("first definition").isEqualTo(1);
            // Further checkpoints commit nothing more to logs-late: the event was logged once.
            assertThat(KAFKA.read(late, 2, Duration.ofSeconds(5))).hasSize(1);
        } finally {
            job.cancel().get();
        }
    }

    /** The operator's {@code lateEvents} counter once it reaches {@code expected} or WAIT ends. */
    private static long awaitCount(JobID job, String operator, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long count = -1;
        while (System.nanoTime() < deadline) {
            count = -1;
            for (OperatorMetricGroup g : METRICS.findOperatorMetricGroups(job, operator)) {
                if (operator.equals(g.getAllVariables().get("<operator_name>"))) {
                    count = ((Counter) METRICS.getMetricsByGroup(g).get("lateEvents")).getCount();
                }
            }
            if (count >= expected) {
                return count;
            }
            Thread.sleep(100);
        }
        return count;
    }

    private static List<WindowStats> results(String topic, int expected) throws Exception {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(
                        WindowStats.class, topic, REGISTRY.clientConfig().build());
        List<WindowStats> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(topic, expected, WAIT)) {
            out.add(reader.deserialize(r.value()));
        }
        assertThat(out).hasSize(expected);
        return out;
    }

    private static void send(String topic, List<LogEvent> events) {
        RegistryClientConfig registry = REGISTRY.clientConfig().build();
        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registry);
        KAFKA.sendValues(topic, events.stream().map(serializer::serialize).toList());
    }

    private static LogEvent event(int second) {
        return LogEvent.newBuilder()
                .setTimestamp(T0.plusSeconds(second))
                .setService("checkout")
                .setHost("checkout-1")
                .setLevel(Level.INFO)
                .setMessage("handled at " + second)
                .setAttributes(java.util.Map.of())
                .build();
    }
}
