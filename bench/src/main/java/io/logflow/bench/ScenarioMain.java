package io.logflow.bench;

import io.logflow.bench.streams.Peer;
import io.logflow.bench.streams.StreamsPapiPeer;
import io.logflow.bench.streams.StreamsPeer;
import io.logflow.connectors.config.OptionArgs;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;

/**
 * Entry point of a scenario's own JVM: warms up on the warm-up topic, then measures one run on the
 * benchmark topic and prints a {@link ScenarioResult} line. Kinds: {@code consume}, {@code decode},
 * {@code logflow}, {@code kstreams} (the DSL peer), {@code kstreams-papi} (the Processor API peer
 * with heap accumulators), and {@code live} (an unbounded job for the latency probe).
 */
public final class ScenarioMain {

    private ScenarioMain() {}

    public static void main(String[] argv) throws Exception {
        ScenarioArgs a = ScenarioArgs.parse(argv);
        String kind = a.get(ScenarioArgs.KIND);
        ScenarioResult result;
        switch (kind) {
            case "consume", "decode" -> result = ceiling(a, kind.equals("decode"));
            case "logflow" -> result = logflow(a);
            case "kstreams", "kstreams-papi" -> result = kstreams(a, kind.equals("kstreams-papi"));
            case "live" -> {
                live(a);
                return;
            }
            default -> throw new IllegalArgumentException("Unknown scenario kind " + kind);
        }
        System.out.println(result.toLine());
        System.out.flush();
        // Lingering client threads must not keep this JVM, and its CPU, alive.
        System.exit(0);
    }

    private static ScenarioResult ceiling(ScenarioArgs a, boolean decode) throws Exception {
        if (warmup(a)) {
            InputCeiling.read(
                    a.get(ScenarioArgs.BOOTSTRAP), a.get(ScenarioArgs.WARMUP_TOPIC), decode);
        }
        Measurement m = new Measurement();
        m.start();
        long[] read =
                InputCeiling.read(a.get(ScenarioArgs.BOOTSTRAP), a.get(ScenarioArgs.TOPIC), decode);
        return ScenarioResult.of(a.get(ScenarioArgs.SCENARIO), read[0], read[1], m.stop(), -1, "");
    }

    private static ScenarioResult logflow(ScenarioArgs a) throws Exception {
        String scenario = a.get(ScenarioArgs.SCENARIO);
        boolean discard = a.get(ScenarioArgs.SINK).equals("discard");
        String[] extra =
                a.get(ScenarioArgs.SINK).equals("windows")
                        ? new OptionArgs()
                                .set(AnalyticsOptions.PATTERNS_ENABLED, false)
                                .set(AnalyticsOptions.ALERTS_ENABLED, false)
                                .array()
                        : new String[0];
        Path tmp =
                Files.createDirectories(
                        Path.of(a.get(ScenarioArgs.WORK_DIR)).resolve("tmp-" + scenario));
        try (LogFlowScenario flink = new LogFlowScenario(a.get(ScenarioArgs.PARALLELISM), tmp)) {
            if (warmup(a)) {
                String warmupId = scenario + "-warmup";
                flink.runToEnd(
                        LogFlowScenario.config(
                                a, a.get(ScenarioArgs.WARMUP_TOPIC), warmupId, extra),
                        discard,
                        warmupId);
            }
            AnalyticsConfig config =
                    LogFlowScenario.config(a, a.get(ScenarioArgs.TOPIC), scenario, extra);
            Measurement m = new Measurement();
            m.start();
            CheckpointStatsSnapshot stats = flink.runToEnd(config, discard, scenario);
            Measurement.Figures figures = m.stop();
            long completed = stats.getCounts().getNumberOfCompletedCheckpoints();
            long state =
                    completed == 0 ? -1 : stats.getSummaryStats().getStateSizeStats().getMaximum();
            return ScenarioResult.of(
                    scenario,
                    a.get(ScenarioArgs.EXPECTED),
                    0,
                    figures,
                    state,
                    String.valueOf(completed));
        }
    }

    private static ScenarioResult kstreams(ScenarioArgs a, boolean papi) throws Exception {
        String scenario = a.get(ScenarioArgs.SCENARIO);
        if (warmup(a)) {
            runPeer(
                    a,
                    a.get(ScenarioArgs.WARMUP_TOPIC),
                    scenario + "-warmup",
                    a.get(ScenarioArgs.WARMUP_EXPECTED),
                    papi);
        }
        Measurement m = new Measurement();
        m.start();
        long consumed =
                runPeer(a, a.get(ScenarioArgs.TOPIC), scenario, a.get(ScenarioArgs.EXPECTED), papi);
        return ScenarioResult.of(scenario, consumed, 0, m.stop(), -1, "");
    }

    private static long runPeer(
            ScenarioArgs a, String topic, String runId, long expected, boolean papi)
            throws InterruptedException {
        Duration window = a.get(ScenarioArgs.WINDOW);
        Duration grace =
                a.get(ScenarioArgs.OUT_OF_ORDERNESS).plus(a.get(ScenarioArgs.ALLOWED_LATENESS));
        StreamsPeer.Settings settings =
                new StreamsPeer.Settings(
                        a.get(ScenarioArgs.BOOTSTRAP),
                        RegistryClientConfig.builder(a.get(ScenarioArgs.REGISTRY)).build(),
                        topic,
                        LogFlowScenario.metricsTopic(runId),
                        "bench-" + runId,
                        a.get(ScenarioArgs.THREADS),
                        window,
                        grace,
                        a.get(ScenarioArgs.CHECKPOINT_INTERVAL),
                        Path.of(a.get(ScenarioArgs.WORK_DIR)).resolve("streams-" + runId));
        Peer peer = papi ? new StreamsPapiPeer(settings) : new StreamsPeer(settings);
        peer.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (peer.consumed() < expected) {
            if (peer.failed() || System.nanoTime() > deadline) {
                IllegalStateException stopped =
                        new IllegalStateException(
                                "Kafka Streams run "
                                        + runId
                                        + " stopped after "
                                        + peer.consumed()
                                        + " of "
                                        + expected
                                        + " records");
                // The reason to report is this one, not a failure to close what already failed.
                try {
                    peer.close();
                } catch (RuntimeException e) {
                    stopped.addSuppressed(e);
                }
                throw stopped;
            }
            Thread.sleep(5);
        }
        peer.close();
        return peer.consumed();
    }

    /** Small runs skip warm-up: they prove the harness, their speed means nothing. */
    private static boolean warmup(ScenarioArgs a) {
        return a.get(ScenarioArgs.WARMUP_EXPECTED) > 0;
    }

    private static void live(ScenarioArgs a) throws Exception {
        String scenario = a.get(ScenarioArgs.SCENARIO);
        Path tmp =
                Files.createDirectories(
                        Path.of(a.get(ScenarioArgs.WORK_DIR)).resolve("tmp-" + scenario));
        LogFlowScenario flink = new LogFlowScenario(a.get(ScenarioArgs.PARALLELISM), tmp);
        JobClient client =
                flink.submit(
                        LogFlowScenario.config(
                                a,
                                a.get(ScenarioArgs.TOPIC),
                                scenario,
                                new OptionArgs().set(AnalyticsOptions.BOUNDED, false).array()),
                        false,
                        scenario);
        while (client.getJobStatus().get() != JobStatus.RUNNING) {
            Thread.sleep(100);
        }
        System.out.println("BENCH-READY");
        System.out.flush();
        // Runs until the driver ends this JVM.
        Thread.sleep(Long.MAX_VALUE);
    }
}
