package io.logflow.bench;

import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsIO;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.analytics.AnalyticsStreams;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
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
        List<String> args = new ArrayList<>();
        String format = a.get(ScenarioArgs.FORMAT);
        if (format.equals("avro-confluent")) {
            args.addAll(List.of("--input.topics", topic));
        } else {
            args.addAll(
                    List.of(
                            "--input.sources", "bench=" + format,
                            "--input.sources.bench.topic", topic,
                            "--input.sources.bench.service", RAW_SERVICE));
        }
        String[] base = {
            "--kafka.bootstrap-servers",
            a.get(ScenarioArgs.BOOTSTRAP),
            "--registry.url",
            a.get(ScenarioArgs.REGISTRY),
            "--input.group-id",
            "bench-" + runId,
            "--input.starting-offsets",
            "earliest",
            "--input.bounded",
            "true",
            "--windows",
            a.get(ScenarioArgs.WINDOWS),
            "--watermark.out-of-orderness",
            a.get(ScenarioArgs.OUT_OF_ORDERNESS).toMillis() + "ms",
            "--output.metrics-topic",
            metricsTopic(runId),
            "--output.dead-letter-topic",
            "bench-dlq-" + runId,
            "--output.late-topic",
            "bench-late-" + runId,
            "--output.transactional-id-prefix",
            "bench-" + runId,
            "--output.files.path",
            work.resolve("files").toUri().toString(),
            "--execution.checkpointing.interval",
            a.get(ScenarioArgs.CHECKPOINT_INTERVAL).toMillis() + "ms",
            "--execution.checkpointing.dir",
            work.resolve("checkpoints").toUri().toString(),
            "--parallelism.default",
            String.valueOf(a.get(ScenarioArgs.PARALLELISM))
        };
        args.addAll(List.of(base));
        args.addAll(List.of(extra));
        return AnalyticsConfig.fromArgs(args.toArray(new String[0]));
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
