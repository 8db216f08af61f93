package io.logflow.jobs.normalize;

import static io.logflow.jobs.analytics.AnalyticsOptions.REGISTRY_OUTAGE_TIMEOUT;

import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsIO;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.analytics.AnalyticsStreams;
import io.logflow.jobs.analytics.InputSource;
import io.logflow.jobs.analytics.functions.DeadLetterRouter;
import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.jobs.analytics.functions.NormalizeFunction;
import io.logflow.jobs.analytics.functions.ShuffledEvent;
import io.logflow.jobs.analytics.functions.ShuffledEventTypeInfo;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogEvent;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code normalize}: raw sources in ({@code input.sources}, any format), each event out as a
 * Confluent-framed Avro {@code LogEvent} on {@code normalize.output-topic} exactly once, for teams
 * who want a governed topic; what does not parse goes to the dead-letter topic as usual. No
 * shuffle: each record is parsed at its source and written by the same task.
 */
public final class NormalizeJob {

    /** The job's name in Flink and on the command line. */
    public static final String NAME = "normalize";

    private NormalizeJob() {}

    public static void main(String[] args) throws Exception {
        AnalyticsConfig config = AnalyticsConfig.fromArgs(args);
        run(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    }

    /** Builds the job on {@code env} and runs it until it ends (bounded) or is cancelled. */
    public static JobExecutionResult run(StreamExecutionEnvironment env, AnalyticsConfig config)
            throws Exception {
        checkNoLoop(config);
        AnalyticsJob.configure(env, config);
        Streams streams = defineWorkflow(AnalyticsIO.source(env, config), config);
        AnalyticsIO.sinkEvents(streams.events(), config.get(NormalizeOptions.OUTPUT_TOPIC), config);
        AnalyticsIO.sinkAll(
                new AnalyticsStreams(null, streams.deadLetters(), null, null, null), config);
        return env.execute("logflow-" + NAME);
    }

    /** The normalized events and the dead letters, before any sink. */
    public record Streams(DataStream<LogEvent> events, DataStream<DeadLetter> deadLetters) {}

    /** The topology between source and sinks, for tests to drive with their own sinks. */
    public static Streams defineWorkflow(DataStream<DecodedRecord> input, AnalyticsConfig config) {
        SingleOutputStreamOperator<ShuffledEvent> checked =
                input.process(new DeadLetterRouter())
                        .returns(ShuffledEventTypeInfo.INSTANCE)
                        .name("split-dead-letters")
                        .uid("split-dead-letters");
        SingleOutputStreamOperator<LogEvent> events =
                checked.process(
                                new NormalizeFunction(
                                        config.registry(),
                                        config.get(REGISTRY_OUTAGE_TIMEOUT),
                                        config.deadLetterMaxBytes()))
                        .returns(TypeInformation.of(LogEvent.class))
                        .name("normalize-events")
                        .uid("normalize-events");
        return new Streams(
                events,
                checked.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                        .union(events.getSideOutput(DeadLetterRouter.DEAD_LETTERS)));
    }

    /** Reading the topic it writes would feed every event back in, forever. */
    static void checkNoLoop(AnalyticsConfig config) {
        String out = config.get(NormalizeOptions.OUTPUT_TOPIC);
        for (InputSource source : config.sources()) {
            if (source.topic().equals(out)) {
                throw new IllegalArgumentException(
                        "normalize: source '"
                                + source.name()
                                + "' reads "
                                + out
                                + ", the topic normalize.output-topic writes: every event would"
                                + " come back in; set input.sources."
                                + source.name()
                                + ".topic or normalize.output-topic");
            }
        }
        if (config.sources().isEmpty()
                && config.get(io.logflow.jobs.analytics.AnalyticsOptions.INPUT_TOPICS)
                        .contains(out)) {
            throw new IllegalArgumentException(
                    "normalize: input.topics contains "
                            + out
                            + ", the topic normalize.output-topic writes; normalize raw sources"
                            + " with input.sources");
        }
    }
}
