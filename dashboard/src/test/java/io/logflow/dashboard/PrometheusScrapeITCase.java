package io.logflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.prometheus.PrometheusProcess;
import io.logflow.jobs.analytics.TestAnalyticsJob;
import io.logflow.metrics.LoopbackPrometheusReporterFactory;
import io.logflow.schema.LogEvent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus (Debian's package) scrapes the analytics job's Prometheus reporter and the
 * dashboard's {@code /metrics} (with a bearer token from a file, as docker/prometheus does); PromQL
 * through its HTTP API gives the exact count of the window the test produced and the exact
 * dead-letter count of the malformed records it sent.
 */
@EnabledIf(
        value = "prometheusOrCi",
        disabledReason =
                "needs /usr/bin/prometheus (apt-get install prometheus; bin/run-tests does)")
class PrometheusScrapeITCase {

    private static final int REPORTER_PORT = freePort();
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final int EVENTS = 90;
    private static final int MALFORMED = 7;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "scrape-" + Long.toHexString(System.nanoTime());

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2, reporter());
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    @TempDir Path dir;

    static boolean prometheusOrCi() {
        // On CI an absent binary is a failure of the setup, not a reason to skip.
        return PrometheusProcess.installed() || "true".equals(System.getenv("CI"));
    }

    private static Configuration reporter() {
        Configuration conf = new Configuration();
        String prefix = "metrics.reporter.prom.";
        conf.setString(prefix + "factory.class", LoopbackPrometheusReporterFactory.class.getName());
        conf.setString(prefix + LoopbackPrometheusReporterFactory.ARG_PORT, "" + REPORTER_PORT);
        return conf;
    }

    @Test
    void prometheusSeesTheWindowsExactCountAndEveryDeadLetter() throws Exception {
        assertThat(PrometheusProcess.installed())
                .as("CI=true and %s is missing", PrometheusProcess.BINARY)
                .isTrue();
        TestAnalyticsJob analytics = TestAnalyticsJob.on(KAFKA, REGISTRY, 1);
        String logs = analytics.input();
        String metrics = analytics.metrics();
        JobClient job = analytics.submit();
        Path tokenFile = dir.resolve("dashboard.token");
        Files.writeString(tokenFile, TOKEN);
        try (DashboardServer dashboard =
                        DashboardServer.builder()
                                .kafkaBootstrap(KAFKA.bootstrapServers())
                                .registry(REGISTRY.clientConfig().build())
                                .topic(metrics)
                                .port(0)
                                .accessToken(TOKEN)
                                .build()
                                .start();
                PrometheusProcess prom =
                        PrometheusProcess.start(
                                dir.resolve("prometheus"),
                                scrapeConfigs(dashboard.port(), tokenFile))) {
            // 90 events in the window [T0, T0 + 10 s), 30 per service, and the malformed
            // records; then one event a minute later moves the watermark past the window.
            SerializationSchema<LogEvent> avro =
                    io.logflow.connectors.serde.ConfluentAvroSerdes.valueSerializer(
                            LogEvent.class, logs, REGISTRY.clientConfig().build());
            List<byte[]> values = new ArrayList<>();
            List<LogEvent> events = SampleEvents.events(EVENTS, T0);
            events.forEach(e -> values.add(avro.serialize(e)));
            for (int i = 0; i < MALFORMED; i++) {
                values.add(("{\"not\": \"avro " + i + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            LogEvent pulse = SampleEvents.event(0, T0.plusSeconds(60));
            pulse.setService("pulse");
            values.add(avro.serialize(pulse));
            KAFKA.sendValues(logs, values);
            long checkout = events.stream().filter(e -> e.getService().equals("checkout")).count();
            assertThat(checkout).isEqualTo(EVENTS / 3);

            // From the dashboard's exporter: the window's count, per service and in all.
            await(prom, "logflow_window_events{service=\"checkout\"}", checkout);
            await(
                    prom,
                    "sum(logflow_window_events{service=~\"checkout|payments|search\"})",
                    EVENTS);
            await(prom, "sum(logflow_events_total{service=\"checkout\"})", checkout);
            // From the job's reporter: every malformed record a MALFORMED dead letter.
            await(
                    prom,
                    "sum(flink_taskmanager_job_task_operator_deserializer_reason_deadLetters"
                            + "{reason=\"MALFORMED\"})",
                    MALFORMED);
            await(prom, "sum(flink_taskmanager_job_task_operator_eventsDecoded)", EVENTS + 1);
            // The Kafka source's consumer lag, as the connector reports it.
            assertThat(
                            prom.queryResult(
                                            "flink_taskmanager_job_task_operator"
                                                    + "_KafkaSourceReader_KafkaConsumer"
                                                    + "_records_lag_max")
                                    .size())
                    .as("records-lag-max series; targets: %s", prom.targets())
                    .isPositive();
            await(prom, "sum(flink_taskmanager_job_task_operator_pendingRecords)", 0);
            // LogFlow's other counters are there under the names the README gives.
            for (String name :
                    List.of(
                            "lateEvents",
                            "templatesEvicted",
                            "alertsFiring",
                            "kind_state_alertTransitions",
                            "deserializer_deadLetterRatio")) {
                assertThat(prom.queryResult("flink_taskmanager_job_task_operator_" + name).size())
                        .as(name)
                        .isPositive();
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code promql} gives exactly {@code expected}; fails with the last value. */
    private static void await(PrometheusProcess prom, String promql, double expected)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            last = prom.query(promql);
            if (last == expected) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(last)
                .as(
                        "%s; dead letters: %s; targets: %s",
                        promql,
                        prom.queryResult("{__name__=~\".*(deadLetter|eventsDecoded).*\"}"),
                        prom.targets())
                .isEqualTo(expected);
    }

    private static String scrapeConfigs(int dashboardPort, Path tokenFile) {
        return String.join(
                "\n",
                "  - job_name: flink",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + REPORTER_PORT + "']",
                "  - job_name: logflow-dashboard",
                "    authorization:",
                "      credentials_file: " + tokenFile,
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + dashboardPort + "']");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
