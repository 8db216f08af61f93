package io.logflow.jobs.analytics;

import static io.logflow.jobs.analytics.AnalyticsOptions.*;

import io.logflow.jobs.alerts.AlertDetectors;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.analytics.functions.CompactEventTypeInfo;
import io.logflow.jobs.analytics.functions.CountingMap;
import io.logflow.jobs.analytics.functions.DeadLetterRouter;
import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.jobs.analytics.functions.DecodedTimestampAssigner;
import io.logflow.jobs.analytics.functions.EventDecodeFunction;
import io.logflow.jobs.analytics.functions.LateEventRestore;
import io.logflow.jobs.analytics.functions.ServiceKey;
import io.logflow.jobs.analytics.functions.ShuffledEvent;
import io.logflow.jobs.analytics.functions.ShuffledEventTypeInfo;
import io.logflow.jobs.analytics.functions.WindowPanesOperator;
import io.logflow.jobs.analytics.functions.WindowStatsAggregate;
import io.logflow.jobs.patterns.PatternMining;
import io.logflow.schema.Alert;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LogFlow's main job: per-service, event-time windowed metrics of a Kafka stream of Avro log
 * events, to Kafka (exactly once) and files, with dead letters and late events on their own topics;
 * log templates mined per window and alerts on the first window definition's results.
 *
 * <p>Patterns and alerts run inside this job rather than in a separate {@code alerts} job (as
 * ARCHITECTURE.md first sketched): a second job would decode the whole stream a second time and
 * keep a watermark of its own, so its windows and silence timers could disagree with the metrics.
 *
 * <pre>
 * flink run logflow-jobs.jar analytics --kafka.bootstrap-servers broker:9092 \
 *     --registry.url http://registry:8081 --output.files.path s3://lake/log-metrics
 * </pre>
 */
public final class AnalyticsJob {

    /** The job's name in Flink and on the command line. */
    public static final String NAME = "analytics";

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

    /** Side output of events later than the allowed lateness of the first window definition. */
    public static final OutputTag<CompactEvent> LATE_EVENTS =
            new OutputTag<>("late-events", CompactEventTypeInfo.INSTANCE);

    private AnalyticsJob() {}

    public static void main(String[] args) throws Exception {
        AnalyticsConfig config = AnalyticsConfig.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        run(env, config);
    }

    /** Builds the whole job on {@code env} and runs it until it ends (bounded) or is cancelled. */
    public static JobExecutionResult run(StreamExecutionEnvironment env, AnalyticsConfig config)
            throws Exception {
        build(env, config);
        return env.execute("logflow-" + NAME);
    }

    /** Builds the whole job on {@code env} and submits it without waiting for it to end. */
    public static JobClient submit(StreamExecutionEnvironment env, AnalyticsConfig config)
            throws Exception {
        build(env, config);
        return env.executeAsync("logflow-" + NAME);
    }

    private static void build(StreamExecutionEnvironment env, AnalyticsConfig config) {
        LOG.info("Starting LogFlow {} with\n{}", NAME, config.describe());
        configure(env, config);
        DataStream<DecodedRecord> input = AnalyticsIO.source(env, config);
        AnalyticsIO.sinkAll(defineWorkflow(input, config), config);
    }

    /**
     * LogFlow commits its output on checkpoints; a configuration (the cluster's or the job's
     * arguments) that sets no {@code execution.checkpointing.interval} gets this one.
     */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * Used when nothing sets {@code execution.checkpointing.timeout}: Flink's own 10 minutes plus
     * an interval would outlast the sinks' default 10-minute transactions.
     */
    public static final Duration DEFAULT_CHECKPOINT_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Flink's own settings from the job's arguments over the cluster's, checkpoints on when nothing
     * turned them on, the settings checked against them, and object reuse.
     */
    public static void configure(StreamExecutionEnvironment env, AnalyticsConfig config) {
        env.configure(config.flinkSettings());
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        if (!checkpoints.isCheckpointingEnabled()) {
            LOG.info(
                    "No execution.checkpointing.interval configured: checkpointing every {}",
                    DEFAULT_CHECKPOINT_INTERVAL);
            env.enableCheckpointing(
                    DEFAULT_CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
        if (env.getConfiguration()
                .getOptional(CheckpointingOptions.CHECKPOINTING_TIMEOUT)
                .isEmpty()) {
            checkpoints.setCheckpointTimeout(DEFAULT_CHECKPOINT_TIMEOUT.toMillis());
        }
        config.checkAgainstCheckpoints(
                Duration.ofMillis(checkpoints.getCheckpointInterval()),
                Duration.ofMillis(checkpoints.getCheckpointTimeout()));
        // No operator keeps a reference to a record it has emitted, so chained operators can
        // hand records on without a defensive copy.
        env.getConfig().enableObjectReuse();
    }

    /** The event-time watermarks: bounded out-of-orderness per partition, with idleness. */
    public static WatermarkStrategy<DecodedRecord> watermarks(AnalyticsConfig config) {
        return WatermarkStrategy.<DecodedRecord>forBoundedOutOfOrderness(
                        config.get(OUT_OF_ORDERNESS))
                .withTimestampAssigner(new DecodedTimestampAssigner())
                .withIdleness(config.get(IDLE_TIMEOUT));
    }

    /**
     * The topology between source and sinks: dead letters split off, then one shuffle by service;
     * behind it, chained without another shuffle, the full decode, for each window definition an
     * incremental per-service aggregate whose late updates re-fire the window, and the pattern
     * miner; the detectors read the first definition's results. Tests drive this with the same
     * source and their own sinks.
     */
    public static AnalyticsStreams defineWorkflow(
            DataStream<DecodedRecord> input, AnalyticsConfig config) {
        SingleOutputStreamOperator<ShuffledEvent> checked =
                input.process(new DeadLetterRouter())
                        .returns(ShuffledEventTypeInfo.INSTANCE)
                        .name("split-dead-letters")
                        .uid("split-dead-letters");
        // The only shuffle of the events: everything keyed behind it reuses its partitioning.
        SingleOutputStreamOperator<CompactEvent> events =
                checked.keyBy(new ShuffledEvent.ByService())
                        .process(
                                new EventDecodeFunction(
                                        config.registry(),
                                        config.get(REGISTRY_OUTAGE_TIMEOUT),
                                        config.deadLetterMaxBytes()))
                        .returns(CompactEventTypeInfo.INSTANCE)
                        .name("decode-events")
                        .uid("decode-events");
        KeyedStream<CompactEvent, String> byService =
                DataStreamUtils.reinterpretAsKeyedStream(
                        events, new ServiceKey(), TypeInformation.of(String.class));
        List<WindowSpec> specs = config.windows();
        List<OutputTag<CompactEvent>> lateOutputs = new ArrayList<>();
        lateOutputs.add(LATE_EVENTS);
        for (WindowSpec spec : specs.subList(1, specs.size())) {
            lateOutputs.add(
                    new OutputTag<>("late-events-" + spec.name(), CompactEventTypeInfo.INSTANCE));
        }
        // Every window definition in one operator: each event is aggregated once, into the pane of
        // the definitions' smallest step, whatever the number of definitions.
        SingleOutputStreamOperator<WindowStats> results =
                byService
                        .transform(
                                "window-stats",
                                TypeInformation.of(WindowStats.class),
                                new WindowPanesOperator(
                                        specs,
                                        config.get(ALLOWED_LATENESS),
                                        new WindowStatsAggregate(
                                                config.get(TOP_N),
                                                config.alertRules().routeSelector()),
                                        lateOutputs))
                        .uid("window-stats");
        DataStream<CompactEvent> late = results.getSideOutput(LATE_EVENTS);
        for (int i = 1; i < specs.size(); i++) {
            // An event late for several window definitions goes to logs-late once, for the
            // first; the others count theirs, so nothing is dropped without a count.
            results.getSideOutput(lateOutputs.get(i))
                    .map(new CountingMap<>("lateEvents"))
                    .returns(CompactEventTypeInfo.INSTANCE)
                    .name("count-late-events-" + specs.get(i).name())
                    .uid("count-late-events-" + specs.get(i).name());
        }
        String firstName = specs.get(0).name();
        DataStream<WindowStats> first =
                specs.size() == 1
                        ? results
                        : results.filter(stats -> stats.getWindow().equals(firstName))
                                .name("window-stats-" + firstName)
                                .uid("window-stats-" + firstName + "-results");
        // Counted, and decoded whole again from their original bytes: the windows read only a
        // projection, logs-late gets the events as they were written.
        SingleOutputStreamOperator<LogEvent> countedLate =
                late.process(
                                new LateEventRestore(
                                        config.registry(),
                                        config.get(REGISTRY_OUTAGE_TIMEOUT),
                                        config.deadLetterMaxBytes()))
                        .returns(TypeInformation.of(LogEvent.class))
                        .name("count-late-events")
                        .uid("count-late-events");
        DataStream<LogPattern> patterns =
                config.get(PATTERNS_ENABLED)
                        ? PatternMining.define(byService, config.patternSettings())
                        : null;
        DataStream<Alert> alerts =
                config.get(ALERTS_ENABLED)
                        ? AlertDetectors.define(first, patterns, config.alertRules())
                        : null;
        return new AnalyticsStreams(
                results,
                checked.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                        .union(
                                events.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                countedLate.getSideOutput(DeadLetterRouter.DEAD_LETTERS)),
                countedLate,
                patterns,
                alerts);
    }
}
