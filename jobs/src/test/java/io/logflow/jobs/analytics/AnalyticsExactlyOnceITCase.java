package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly once, the way flink-connector-kafka tests it: a failure injected mid-stream after a
 * checkpoint, a restart from that checkpoint, and a read_committed consumer (and the committed
 * Parquet files) that must see every window result once, with totals equal to the input.
 */
class AnalyticsExactlyOnceITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final int EVENTS = 3000;
    private static final String[] SERVICES = {"api", "auth", "billing"};

    @TempDir Path files;

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void injectedFailureNeitherLosesNorDuplicatesResults(
            String stateBackend, @InjectClusterClient ClusterClient<?> client) throws Exception {
        TestAnalyticsJob analytics =
                TestAnalyticsJob.on(KAFKA, REGISTRY, 2)
                        .bounded()
                        .parallelism(2)
                        .set("output.files.path", files.toUri().toString())
                        .set("windows", "tumbling:1m;sliding:2m/1m")
                        // The job's defaults: a partition held up by the injected failure and
                        // the restart must not turn idle and let the other's watermark run ahead.
                        .set("watermark.out-of-orderness", "5s")
                        .set("watermark.idle-timeout", "30s")
                        .set("execution.checkpointing.interval", "200ms")
                        .set("state.backend.type", stateBackend);
        String in = analytics.input();
        String metrics = analytics.metrics();
        RegistryClientConfig registry = REGISTRY.clientConfig().build();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        var serializer = ConfluentAvroSerdes.valueSerializer(LogEvent.class, in, registry);
        for (int i = 0; i < EVENTS; i++) {
            String service = SERVICES[i % SERVICES.length];
            LogEvent event = AnalyticsJobITCase.event(service, 0, Level.INFO, 200);
            // 100 ms apart: five minutes of traffic, in order within each partition.
            event.setTimestamp(T0.plusMillis(100L * i));
            records.add(
                    new ProducerRecord<>(
                            in,
                            service.getBytes(StandardCharsets.UTF_8),
                            serializer.serialize(event)));
        }
        KAFKA.send(in, records);

        AnalyticsConfig config = analytics.config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AnalyticsJob.configure(env, config);
        // The parameter used to be ignored: both runs were on the heap backend.
        assertThat(env.getConfiguration().get(StateBackendOptions.STATE_BACKEND))
                .isEqualTo(stateBackend);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restarts);
        FailOnceAfterCheckpoint.FAILED.set(false);
        DataStream<DecodedRecord> source =
                AnalyticsIO.source(env, config)
                        .map(new FailOnceAfterCheckpoint(EVENTS / 4))
                        .name("inject-failure");
        AnalyticsIO.sinkAll(AnalyticsJob.defineWorkflow(source, config), config);
        JobID job = env.execute("analytics-exactly-once").getJobID();
        // What the job really ran on, from its own execution graph through the REST API.
        assertThat(checkpointConfig(client, job))
                .contains(
                        "\"state_backend\":\""
                                + (stateBackend.equals("rocksdb")
                                        ? "EmbeddedRocksDBStateBackend"
                                        : "HashMapStateBackend")
                                + "\"");

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the failure was injected").isTrue();

        ConfluentAvroDeserializationSchema<WindowStats> reader =
                ConfluentAvroSerdes.valueDeserializer(WindowStats.class, metrics, registry);
        List<WindowStats> results = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(metrics, 33, Duration.ofSeconds(60))) {
            results.add(reader.deserialize(r.value()));
        }
        assertExactlyOnce(results);
        assertExactlyOnce(ParquetFiles.readAll(files, WindowStats.class));
    }

    private static void assertExactlyOnce(List<WindowStats> results) {
        // 3 services x 5 one-minute windows, and x 6 two-minute windows sliding by one.
        assertThat(results).hasSize(15 + 18);
        assertThat(results).allSatisfy(w -> assertThat(w.getRevision()).isZero());
        Map<String, Long> perKey =
                results.stream()
                        .collect(
                                Collectors.groupingBy(
                                        AnalyticsIO::resultKey, Collectors.counting()));
        assertThat(perKey.values()).as("one result per window").containsOnly(1L);
        Map<String, Long> totals =
                results.stream()
                        .collect(
                                Collectors.groupingBy(
                                        WindowStats::getWindow,
                                        Collectors.summingLong(WindowStats::getCount)));
        assertThat(totals).containsEntry("tumbling-1m", (long) EVENTS);
        assertThat(totals).containsEntry("sliding-2m-1m", 2L * EVENTS);
        Map<String, Long> perService =
                results.stream()
                        .filter(w -> w.getWindow().equals("tumbling-1m"))
                        .collect(
                                Collectors.groupingBy(
                                        WindowStats::getService,
                                        Collectors.summingLong(WindowStats::getCount)));
        assertThat(perService)
                .containsOnlyKeys(SERVICES)
                .allSatisfy((s, n) -> assertThat(n).isEqualTo(EVENTS / SERVICES.length));
    }

    /** Throws once, on a record after the first completed checkpoint and N records seen. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<DecodedRecord, DecodedRecord>
            implements CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private final int failAfter;
        private int seen;
        private boolean checkpointed;

        FailOnceAfterCheckpoint(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public DecodedRecord map(DecodedRecord record) throws Exception {
            // Slow enough that several checkpoints complete while the input is read; slower still
            // once due but before the first checkpoint completed (RocksDB's first checkpoint on a
            // loaded machine outlasted the whole input at 1 ms a record, and nothing failed).
            Thread.sleep(++seen >= failAfter && !checkpointed ? 20 : 1);
            if (seen >= failAfter && checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("Injected failure after " + seen + " records");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    private static String checkpointConfig(ClusterClient<?> client, JobID job) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        client.getWebInterfaceURL()
                                                                + "/jobs/"
                                                                + job
                                                                + "/checkpoints/config"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
