package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.Defaults;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.kafka.TopicReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/logflow demo} as a user runs it: start it, wait for READY, read window results from
 * its Kafka, press Ctrl-C (SIGINT), and it must exit 0 promptly with nothing left behind; and
 * {@code bin/logflow run analytics} against a Kafka and registry of the test's.
 */
class LauncherITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    @TempDir Path data;

    @Test
    void runServesTheJobsMetricsOnItsReporterPortAndStopsOnCtrlC() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ClusterJobs jobs = new ClusterJobs(KAFKA, REGISTRY);
        int flinkPort = Ports.free("127.0.0.1");
        int metricsPort = Ports.free("127.0.0.1");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                root.resolve("bin/logflow").toString(),
                                "run",
                                "--data-dir",
                                data.toString(),
                                "--flink-port",
                                String.valueOf(flinkPort),
                                "--metrics-port",
                                String.valueOf(metricsPort)));
        // bin/logflow run analytics --data-dir ... then the job's options.
        List<String> jobArgs = jobs.analyticsArgs(jobs.topics(), "1s", List.of());
        command.add(2, jobArgs.get(0));
        command.addAll(jobArgs.subList(1, jobArgs.size()));
        Process run =
                new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = reader(run, output, ready);
        try {
            ready.get(120, TimeUnit.SECONDS);
            assertThat(String.join("\n", output))
                    .contains("Flink web UI:     http://127.0.0.1:" + flinkPort)
                    .contains("Prometheus:       http://127.0.0.1:" + metricsPort + "/metrics");
            assertThat(operatorMetrics(metricsPort))
                    .as("the running job's operator metrics on the reporter")
                    .contains("flink_jobmanager_numRunningJobs")
                    .contains("flink_taskmanager_job_task_operator_eventsDecoded");

            new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
            assertThat(run.waitFor(30, TimeUnit.SECONDS))
                    .as("run exits after Ctrl-C; output:\n%s", String.join("\n", output))
                    .isTrue();
            assertThat(run.exitValue()).as("exit code; output:\n%s", output).isZero();
            reader.join(5000);
            assertThat(processesNaming(data.toString())).as("left running after Ctrl-C").isEmpty();
        } finally {
            run.destroyForcibly();
        }
    }

    /** Collects {@code process}'s output lines, completing {@code ready} at the READY line. */
    private static Thread reader(
            Process process, List<String> output, CompletableFuture<Void> ready) {
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    output.add(line);
                                    if (line.startsWith(Console.READY_PREFIX)) {
                                        ready.complete(null);
                                    }
                                }
                            } catch (Exception ignored) {
                                // The process ended.
                            }
                        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    @Test
    void demoStartsServesResultsAndStopsCleanlyOnCtrlC() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/logflow");
        assertThat(launcher).isExecutable();
        int kafkaPort = Ports.free("127.0.0.1");
        int registryPort = Ports.free("127.0.0.1");
        int flinkPort = Ports.free("127.0.0.1");
        int dashboardPort = Ports.free("127.0.0.1");
        int metricsPort = Ports.free("127.0.0.1");
        Process demo =
                new ProcessBuilder(
                                launcher.toString(),
                                "demo",
                                "--data-dir",
                                data.toString(),
                                "--kafka-port",
                                String.valueOf(kafkaPort),
                                "--registry-port",
                                String.valueOf(registryPort),
                                "--flink-port",
                                String.valueOf(flinkPort),
                                "--dashboard-port",
                                String.valueOf(dashboardPort),
                                "--metrics-port",
                                String.valueOf(metricsPort),
                                "--window",
                                "tumbling:2s")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = reader(demo, output, ready);
        try {
            ready.get(180, TimeUnit.SECONDS);
            assertThat(String.join("\n", output))
                    .contains("Kafka bootstrap:  127.0.0.1:" + kafkaPort)
                    .contains("Schema registry:  http://127.0.0.1:" + registryPort)
                    .contains("Flink web UI:     http://127.0.0.1:" + flinkPort)
                    .contains("Dashboard:        http://127.0.0.1:" + dashboardPort)
                    .contains("Prometheus:       http://127.0.0.1:" + metricsPort + "/metrics");
            // The MiniCluster's Prometheus reporter serves the running job's metrics.
            assertThat(operatorMetrics(metricsPort))
                    .contains("flink_jobmanager_numRunningJobs")
                    .contains("flink_taskmanager_job_task_operator_eventsDecoded");
            assertThat(get("http://127.0.0.1:" + dashboardPort + "/metrics"))
                    .contains("# TYPE logflow_events_total counter");

            assertThat(committedRecords("127.0.0.1:" + kafkaPort, Defaults.TOPIC_METRICS))
                    .as("window results on the demo's Kafka")
                    .isPositive();

            // Every process of this demo names its data directory on its command line (the
            // launcher, its JVM and anything either starts); the demo must find at least one
            // now, or the check after Ctrl-C would prove nothing.
            List<ProcessHandle> ofThisDemo = processesNaming(data.toString());
            assertThat(ofThisDemo).as("processes of this demo before Ctrl-C").isNotEmpty();
            new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS))
                    .as("demo exits after Ctrl-C; output:\n%s", String.join("\n", output))
                    .isTrue();
            assertThat(demo.exitValue()).as("exit code; output:\n%s", output).isZero();
            assertThat(ofThisDemo).noneMatch(ProcessHandle::isAlive);
            assertThat(processesNaming(data.toString())).as("left running after Ctrl-C").isEmpty();
            reader.join(5000);
            assertThat(output).contains("Stopped.");
            assertThat(String.join("\n", output)).doesNotContain("Exception");
            assertThat(Files.exists(data.resolve("logs/logflow.log"))).isTrue();
        } finally {
            demo.destroyForcibly();
        }
    }

    /**
     * The reporter's page once it lists LogFlow's decode counter: the tasks register their metrics
     * when they start, which can be after the job reports running.
     */
    private static String operatorMetrics(int port) throws Exception {
        String metrics = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            metrics = get("http://127.0.0.1:" + port + "/metrics");
            if (metrics.contains("flink_taskmanager_job_task_operator_eventsDecoded")) {
                return metrics;
            }
            Thread.sleep(500);
        }
        // Only the first lines: the whole page is megabytes.
        return metrics.lines().limit(20).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /**
     * Live processes whose command line contains {@code text}, read from /proc: {@code
     * ProcessHandle.Info} cuts a command line at 4,096 characters, and a JVM's classpath alone is
     * longer.
     */
    private static List<ProcessHandle> processesNaming(String text) {
        return ProcessHandle.allProcesses()
                .filter(
                        p -> {
                            try {
                                byte[] line =
                                        Files.readAllBytes(
                                                Path.of(
                                                        "/proc",
                                                        String.valueOf(p.pid()),
                                                        "cmdline"));
                                return new String(line, StandardCharsets.UTF_8).contains(text);
                            } catch (IOException | RuntimeException gone) {
                                return false;
                            }
                        })
                .toList();
    }

    /** Waits up to a minute for committed records on {@code topic}; returns how many arrived. */
    private static int committedRecords(String bootstrap, String topic) {
        Properties props = TopicReader.committedConsumer(bootstrap, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.count();
                }
            }
        }
        return 0;
    }
}
