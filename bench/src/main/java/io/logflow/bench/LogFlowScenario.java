package io.logflow.bench;

import io.logflow.connectors.config.OptionArgs;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsIO;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.analytics.AnalyticsOptions;
import io.logflow.jobs.analytics.AnalyticsStreams;
import io.logflow.jobs.analytics.InputSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The LogFlow analytics job on a MiniCluster in this JVM, built by the job's own {@code configure},
 * source and {@code defineWorkflow}, with either the job's real sinks (exactly-once Kafka and
 * files) or a discarding sink.
 */
final class LogFlowScenario implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI rest;

    LogFlowScenario(int slots, Path tmpDir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        // A failing run must surface, not retry forever and skew the figures.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.setString("io.tmp.dirs", tmpDir.toString());
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        rest = cluster.getRestAddress().get();
    }

    /** Submits the job; {@code discard} replaces every sink with a discarding one. */
    JobClient submit(AnalyticsConfig config, boolean discard, String name) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createRemoteEnvironment(
                        rest.getHost(), rest.getPort(), new Configuration());
        AnalyticsJob.configure(env, config);
        AnalyticsStreams streams =
                AnalyticsJob.defineWorkflow(AnalyticsIO.source(env, config), config);
        if (discard) {
            streams.windowStats()
                    .sinkTo(new DiscardingSink<>())
                    .name("discard-window-stats")
                    .uid("discard-window-stats");
            streams.deadLetters()
                    .sinkTo(new DiscardingSink<>())
                    .name("discard-dead-letters")
                    .uid("discard-dead-letters");
            streams.lateEvents()
                    .sinkTo(new DiscardingSink<>())
                    .name("discard-late-events")
                    .uid("discard-late-events");
            // Templates and alerts are part of the job: their work counts, their output goes.
            if (streams.patterns() != null) {
                streams.patterns()
                        .sinkTo(new DiscardingSink<>())
                        .name("discard-patterns")
                        .uid("discard-patterns");
            }
            if (streams.alerts() != null) {
                streams.alerts()
                        .sinkTo(new DiscardingSink<>())
                        .name("discard-alerts")
                        .uid("discard-alerts");
            }
        } else {
            AnalyticsIO.sinkAll(streams, config);
        }
        return env.executeAsync(name);
    }

    /** Runs a bounded job to its end; returns its checkpoint statistics. */
    CheckpointStatsSnapshot runToEnd(AnalyticsConfig config, boolean discard, String name)
            throws Exception {
        JobClient client = submit(config, discard, name);
        JobID id = client.getJobID();
        client.getJobExecutionResult().get();
        return cluster.getExecutionGraph(id).get().getCheckpointStatsSnapshot();
    }

    /** The service of every event of a raw-format run: access logs carry none of their own. */
    static final String RAW_SERVICE = "gateway";

    /**
     * The job arguments of a bench run; {@code extra} pairs override the defaults. The input is
     * Avro through the registry, or with {@code format} set a raw source of that format on the same
     * topic.
     */
    static AnalyticsConfig config(ScenarioArgs a, String topic, String runId, String... extra) {
        Path work = Path.of(a.get(ScenarioArgs.WORK_DIR)).resolve(runId);
        OptionArgs args = new OptionArgs();
        String format = a.get(ScenarioArgs.FORMAT);
        if (format.equals("avro-confluent")) {
            args.set(AnalyticsOptions.INPUT_TOPICS, List.of(topic));
        } else {
            args.set(AnalyticsOptions.INPUT_SOURCES, "bench=" + format)
                    .set(InputSource.key("bench", InputSource.TOPIC), topic)
                    .set(InputSource.key("bench", InputSource.SERVICE), RAW_SERVICE);
        }
        args.set(AnalyticsOptions.BOOTSTRAP_SERVERS, a.get(ScenarioArgs.BOOTSTRAP))
                .set(AnalyticsOptions.REGISTRY_URL, a.get(ScenarioArgs.REGISTRY))
                .set(AnalyticsOptions.GROUP_ID, "bench-" + runId)
                .set(AnalyticsOptions.STARTING_OFFSETS, "earliest")
                .set(AnalyticsOptions.BOUNDED, true)
                .setText(AnalyticsOptions.WINDOWS, a.get(ScenarioArgs.WINDOWS))
                .set(AnalyticsOptions.OUT_OF_ORDERNESS, a.get(ScenarioArgs.OUT_OF_ORDERNESS))
                .set(AnalyticsOptions.METRICS_TOPIC, metricsTopic(runId))
                .set(AnalyticsOptions.DLQ_TOPIC, "bench-dlq-" + runId)
                .set(AnalyticsOptions.LATE_TOPIC, "bench-late-" + runId)
                .set(AnalyticsOptions.TRANSACTIONAL_ID_PREFIX, "bench-" + runId)
                .set(AnalyticsOptions.FILES_PATH, work.resolve("files").toUri().toString())
                .set(
                        CheckpointingOptions.CHECKPOINTING_INTERVAL,
                        a.get(ScenarioArgs.CHECKPOINT_INTERVAL))
                .set(
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                        work.resolve("checkpoints").toUri().toString())
                .set(CoreOptions.DEFAULT_PARALLELISM, a.get(ScenarioArgs.PARALLELISM));
        List<String> all = new ArrayList<>(args.list());
        all.addAll(List.of(extra));
        return AnalyticsConfig.fromArgs(all.toArray(new String[0]));
    }

    /** The topic a run's window results go to. */
    static String metricsTopic(String runId) {
        return "bench-metrics-" + runId;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
