package io.logflow.jobs.analytics;

import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The analytics job on a test's broker and registry, every topic its own: 10-second windows, 1 s
 * watermark out-of-orderness and idle timeout, 500 ms checkpoints, parallelism 1; a test sets what
 * differs. Other modules' tests use it through the jobs test jar.
 *
 * <pre>{@code
 * TestAnalyticsJob job = TestAnalyticsJob.on(KAFKA, REGISTRY, 2).bounded().parallelism(2);
 * generator.topic(job.input()).build().run();
 * job.run("alerts-it");
 * }</pre>
 */
public final class TestAnalyticsJob {

    private final String input;
    private final String metrics;
    private final String deadLetters;
    private final String late;
    private final String alerts;
    private final String patterns;
    private final Map<String, String> options = new LinkedHashMap<>();

    private TestAnalyticsJob(
            KafkaExtension kafka, SchemaRegistryExtension registry, int inputPartitions) {
        input = kafka.createTopic("logs", inputPartitions);
        metrics = kafka.createTopic("log-metrics", 1);
        deadLetters = kafka.createTopic("logs-dlq", 1);
        late = kafka.createTopic("logs-late", 1);
        alerts = kafka.createTopic("log-alerts", 1);
        patterns = kafka.createTopic("log-patterns", 1);
        set("kafka.bootstrap-servers", kafka.bootstrapServers());
        set("registry.url", registry.url());
        set("input.topics", input);
        set("input.starting-offsets", "earliest");
        set("output.metrics-topic", metrics);
        set("output.dead-letter-topic", deadLetters);
        set("output.late-topic", late);
        set("output.alerts-topic", alerts);
        set("output.patterns-topic", patterns);
        set("output.transactional-id-prefix", "it-" + input);
        set("windows", "tumbling:10s");
        set("watermark.out-of-orderness", "1s");
        set("watermark.idle-timeout", "1s");
        set("execution.checkpointing.interval", "500ms");
        set("parallelism.default", "1");
    }

    /** Creates the job's topics on {@code kafka}, the input with {@code inputPartitions}. */
    public static TestAnalyticsJob on(
            KafkaExtension kafka, SchemaRegistryExtension registry, int inputPartitions) {
        return new TestAnalyticsJob(kafka, registry, inputPartitions);
    }

    /** Any option of the job, replacing this builder's value. */
    public TestAnalyticsJob set(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Drops an option, e.g. input.topics where input.sources replaces it. */
    public TestAnalyticsJob unset(String key) {
        options.remove(key);
        return this;
    }

    /** Stops at the input's end offsets as of the start, so {@link #run} returns. */
    public TestAnalyticsJob bounded() {
        return set("input.bounded", "true");
    }

    public TestAnalyticsJob parallelism(int parallelism) {
        return set("parallelism.default", String.valueOf(parallelism));
    }

    public String input() {
        return input;
    }

    public String metrics() {
        return metrics;
    }

    public String deadLetters() {
        return deadLetters;
    }

    public String late() {
        return late;
    }

    public String alerts() {
        return alerts;
    }

    public String patterns() {
        return patterns;
    }

    /** The job's arguments as {@code bin/logflow run analytics} or {@code flink run} take them. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        options.forEach(
                (k, v) -> {
                    args.add("--" + k);
                    args.add(v);
                });
        return args;
    }

    public AnalyticsConfig config() {
        return AnalyticsConfig.fromArgs(args().toArray(String[]::new));
    }

    /** Runs the job to its end on this JVM's environment (a bounded job, see {@link #bounded}). */
    public void run(String jobName) throws Exception {
        AnalyticsConfig config = config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AnalyticsJob.configure(env, config);
        AnalyticsIO.sinkAll(
                AnalyticsJob.defineWorkflow(AnalyticsIO.source(env, config), config), config);
        env.execute(jobName);
    }

    /** Starts the job on this JVM's environment and returns at once. */
    public JobClient submit() throws Exception {
        return AnalyticsJob.submit(StreamExecutionEnvironment.getExecutionEnvironment(), config());
    }
}
