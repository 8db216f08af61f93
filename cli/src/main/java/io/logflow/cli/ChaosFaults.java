package io.logflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults of a chaos run, injected into a running analytics job on a standalone cluster: the
 * TaskManager killed with SIGKILL, the broker stopped and started again, and a stop-with-savepoint
 * followed by a resubmission at another parallelism. Each returns once the job runs again and has
 * completed a checkpoint triggered after the fault, so the next one never hits a job still
 * recovering.
 */
final class ChaosFaults {

    /** One fault injected, and how long the job took to run and checkpoint again. */
    record Fault(
            String kind,
            double atSeconds,
            long eventsSent,
            double recoverySeconds,
            String detail) {}

    private static final Duration RECOVERY = Duration.ofMinutes(5);

    private final LocalCluster cluster;
    private final FlinkRest flink;
    private final EmbeddedKafka kafka;
    private final Path jar;
    private final List<String> jobArgs;
    private final Duration outage;
    private final LongSupplier eventsSent;
    private long startNanos = System.nanoTime();
    private final List<Fault> injected = new ArrayList<>();
    private String job;
    private int parallelism;
    private int brokerOutagesFelt;

    ChaosFaults(
            LocalCluster cluster,
            EmbeddedKafka kafka,
            Path jar,
            List<String> jobArgs,
            Duration outage,
            LongSupplier eventsSent) {
        this.cluster = cluster;
        this.flink = new FlinkRest(cluster.restUrl());
        this.kafka = kafka;
        this.jar = jar;
        this.jobArgs = jobArgs;
        this.outage = outage;
        this.eventsSent = eventsSent;
    }

    /** Fault times count from now: the start of the input. */
    void startClock() {
        startNanos = System.nanoTime();
    }

    /** {@code flink run} of the job at {@code p}, from {@code savepoint} when not null. */
    void submit(int p, String savepoint) throws Exception {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(p)));
        if (savepoint != null) {
            options.addAll(List.of("-s", savepoint));
        }
        long at = System.currentTimeMillis();
        String out = cluster.submit(jar, options, jobArgs, Duration.ofMinutes(3));
        Matcher id = Pattern.compile("JobID ([0-9a-f]{32})").matcher(out);
        if (!id.find()) {
            throw new CliException("flink run printed no job id:\n" + out);
        }
        job = id.group(1);
        parallelism = p;
        awaitHealthy(at);
    }

    String job() {
        return job;
    }

    int parallelism() {
        return parallelism;
    }

    List<Fault> injected() {
        return injected;
    }

    /** SIGKILL to the TaskManager, then a new one, as a supervisor would start it. */
    void killTaskManager() throws Exception {
        long at = System.currentTimeMillis();
        double when = elapsed();
        long sent = eventsSent.getAsLong();
        ProcessHandle tm =
                cluster.process("taskmanager")
                        .orElseThrow(() -> new CliException("no TaskManager is running"));
        tm.destroyForcibly();
        tm.onExit().get();
        cluster.startTaskManager();
        awaitHealthy(at);
        record("kill -9 TaskManager", when, sent, at, "pid " + tm.pid());
    }

    /** Stops the broker, keeps it down for the outage, starts it again on the same data. */
    void restartBroker() throws Exception {
        double when = elapsed();
        long sent = eventsSent.getAsLong();
        long failedBefore = failedCheckpoints();
        long stopped = System.currentTimeMillis();
        kafka.stop();
        Thread.sleep(outage.toMillis());
        long back = System.currentTimeMillis();
        kafka.start();
        awaitHealthy(back);
        // "Nothing lost" means something only if the job felt the outage: checkpoints that
        // failed, or one that waited for the broker.
        long failed = failedCheckpoints() - failedBefore;
        long slowest = slowestCheckpointSince(stopped);
        record(
                "broker restart",
                when,
                sent,
                back,
                "down "
                        + outage.toSeconds()
                        + " s; "
                        + failed
                        + " checkpoint(s) failed, slowest since "
                        + String.format(java.util.Locale.ROOT, "%.1f", slowest / 1000.0)
                        + " s");
        brokerOutagesFelt += failed > 0 || slowest >= outage.toMillis() / 2 ? 1 : 0;
    }

    /** Broker restarts the job demonstrably felt (failed or waiting checkpoints). */
    int brokerOutagesFelt() {
        return brokerOutagesFelt;
    }

    private long failedCheckpoints() throws Exception {
        return flink.get("/jobs/" + job + "/checkpoints").path("counts").path("failed").asLong();
    }

    /**
     * The longest end-to-end duration of a checkpoint in the history triggered after {@code since}.
     */
    private long slowestCheckpointSince(long since) throws Exception {
        long slowest = 0;
        for (JsonNode c : flink.get("/jobs/" + job + "/checkpoints").path("history")) {
            if (c.path("trigger_timestamp").asLong() >= since) {
                slowest = Math.max(slowest, c.path("end_to_end_duration").asLong());
            }
        }
        return slowest;
    }

    /** Stop-with-savepoint (no drain), then {@code flink run -s} at the other parallelism. */
    void rescale() throws Exception {
        long at = System.currentTimeMillis();
        double when = elapsed();
        long sent = eventsSent.getAsLong();
        int from = parallelism;
        String savepoint = flink.stopWithSavepoint(job, null, RECOVERY);
        submit(from == 1 ? 2 : 1, savepoint);
        record(
                "savepoint + resubmit",
                when,
                sent,
                at,
                "p" + from + " → p" + parallelism + " from " + Path.of(savepoint).getFileName());
    }

    private void record(String kind, double when, long sentAt, long sinceMillis, String detail) {
        double recovery = (System.currentTimeMillis() - sinceMillis) / 1000.0;
        injected.add(new Fault(kind, when, sentAt, recovery, detail));
    }

    /** A GET on the REST API, or null while the JobManager cannot answer it. */
    private JsonNode poll(String path) throws InterruptedException {
        try {
            return flink.get(path);
        } catch (java.io.IOException | CliException notNow) {
            return null;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Waits until the job and all its tasks run and a checkpoint triggered at or after {@code
     * sinceMillis} has completed.
     */
    private void awaitHealthy(long sinceMillis) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            JsonNode details = poll("/jobs/" + job);
            JsonNode checkpoints = poll("/jobs/" + job + "/checkpoints");
            if (details != null && checkpoints != null) {
                String state = details.path("state").asText();
                if (state.equals("FAILED") || state.equals("CANCELED")) {
                    throw new CliException("the job " + job + " ended " + state);
                }
                boolean allRunning = state.equals("RUNNING");
                for (JsonNode v : details.path("vertices")) {
                    allRunning &= v.path("status").asText().equals("RUNNING");
                }
                long triggered =
                        checkpoints
                                .path("latest")
                                .path("completed")
                                .path("trigger_timestamp")
                                .asLong(0);
                last = state + ", latest completed checkpoint triggered at " + triggered;
                if (allRunning && triggered >= sinceMillis) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new CliException(
                "the job "
                        + job
                        + " did not run and checkpoint again within "
                        + RECOVERY
                        + ": "
                        + last);
    }
}
