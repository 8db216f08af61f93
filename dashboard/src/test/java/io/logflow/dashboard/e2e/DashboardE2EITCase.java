package io.logflow.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.dashboard.DashboardServer;
import io.logflow.devstack.generator.GeneratorReport;
import io.logflow.devstack.generator.LogGenerator;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.jobs.analytics.TestAnalyticsJob;
import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way from logs to pixels: the log generator and a few hostile hand-made events go into
 * Kafka, the analytics job windows them on a MiniCluster, the dashboard consumes its results, and
 * headless Chromium renders the page. Alerts and log templates are produced by hand (the job runs
 * without its detectors and miner, so their content is known exactly). Checks that every service
 * appears with charts, that the alerts panel lists firing then resolved alerts, that a service's
 * detail shows its top paths, its alerts and its error templates, that a topic created after the
 * dashboard started is picked up, and that log-derived text renders as text, never as markup.
 */
class DashboardE2EITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The page must hand its own ?token= to every API call and the event stream. */
    private static final String TOKEN = "e2e-token";

    /** A service name and messages that would run script if the page ever parsed them as HTML. */
    static final String EVIL_SERVICE = "evil<script>";

    static final String EVIL_MESSAGE =
            "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
    static final String EVIL_PATH = "/\"><img src=x onerror=alert(1)>";
    static final String EVIL_SUMMARY = "p99 <img src=x onerror=\"window.__xss=3\"> <b>doubled</b>";
    static final String EVIL_TEMPLATE =
            "<script>window.__xss=4</script> user <*> <img src=x onerror=\"window.__xss=5\">";
    static final String PAYMENT_TEMPLATE = "Payment for order <*> failed: <*>";

    @Test
    void liveResultsRenderAsChartsAndTablesAndLogTextStaysText() throws Exception {
        TestAnalyticsJob analytics = analytics();
        String logs = analytics.input();
        String metrics = analytics.metrics();
        String alerts = analytics.alerts();
        // The patterns topic is created only once the page is up: the dashboard must start
        // without it and pick it up when it appears.
        String patterns = "log-patterns-late-" + System.nanoTime();
        RegistryClientConfig registry = REGISTRY.clientConfig().build();

        JobClient job = analytics.submit();
        try (DashboardServer server =
                        DashboardServer.builder()
                                .kafkaBootstrap(KAFKA.bootstrapServers())
                                .registry(registry)
                                .topic(metrics)
                                .alertsTopic(alerts)
                                .patternsTopic(patterns)
                                .host("127.0.0.1")
                                .port(0)
                                .accessToken(TOKEN)
                                .build()
                                .start();
                HeadlessChromium browser = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(browser.driver(), WAIT);
            try {
                exercise(
                        page, browser, server.url(), logs, new Outputs(alerts, patterns), registry);
            } catch (Throwable t) {
                browser.screenshot("failure");
                t.addSuppressed(new AssertionError("page state: " + safeDebugState(page)));
                throw t;
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private void exercise(
            DashboardPage page,
            HeadlessChromium browser,
            String url,
            String logs,
            Outputs outputs,
            RegistryClientConfig registry)
            throws Exception {
        // Before any data, through the access token: the page waits, Kafka is reachable.
        page.open(url + "/?token=" + TOKEN);
        page.await("the empty state", d -> page.displayed("#empty-state"));
        assertThat(page.text("#empty-state")).contains("Waiting for the first window results");
        page.await("Kafka to be connected", d -> !page.displayed("#kafka-banner"));
        assertThat(page.displayed("#error-banner")).as("no 401 from the API").isFalse();
        page.await("the live event stream", d -> "live".equals(page.attr("#live", "data-state")));
        browser.screenshot("empty");

        // Event time: a 30 s span ending about now, so every range of the page covers it.
        Instant start = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        sendEvilEvents(logs, registry, start.plusSeconds(5));
        GeneratorReport report =
                LogGenerator.builder()
                        .bootstrapServers(KAFKA.bootstrapServers())
                        .registry(registry)
                        .topic(logs)
                        .seed(1)
                        .startAt(start)
                        .ratePerSecond(2000)
                        .eventTimeRate(200)
                        .count(6000)
                        .build()
                        .run();
        assertThat(report.failedRecords()).as(report.summary()).isZero();

        // Overview: every generated service plus the hostile one, each with three sparklines.
        TreeSet<String> expected = new TreeSet<>(report.validByService().keySet());
        expected.add(EVIL_SERVICE);
        page.await(
                "every service in the overview " + expected,
                d -> page.listedServices().containsAll(expected));
        assertThat(page.listedServices()).containsExactlyElementsOf(expected);
        page.await(
                "data points in every sparkline",
                d -> {
                    List<Long> points = page.sparklinePoints();
                    return points.size() == 3 * expected.size()
                            && points.stream().allMatch(n -> n > 0);
                });
        assertThat(page.displayed("#empty-state")).isFalse();
        assertThat(page.displayed("#kafka-banner")).isFalse();
        assertThat(page.text("#freshness")).contains("Latest window").contains("watermark lag");
        assertThat(page.text("#alerts")).isEqualTo("No alerts yet.");
        assertThat(
                        page.text(
                                "#services tr[data-service="
                                        + DashboardPage.cssString(EVIL_SERVICE)
                                        + "] th"))
                .isEqualTo(EVIL_SERVICE);
        browser.fullPageScreenshot("overview");

        // Alerts and templates appear: firing first (newest first), then resolved.
        String service = report.validByService().keySet().iterator().next();
        HandMade.sendAlerts(KAFKA, outputs.alerts(), registry, service, start);
        HandMade.createTopic(KAFKA, outputs.patterns());
        HandMade.sendPatterns(KAFKA, outputs.patterns(), registry, service, start);
        List<String> expectedAlerts =
                List.of(
                        "firing | "
                                + EVIL_SERVICE
                                + " | Silence | "
                                + EVIL_SERVICE
                                + " went quiet | value 3 (threshold 2)",
                        "firing | "
                                + service
                                + " | Error-rate spike | Error rate 25.0 % vs baseline 1.0 %"
                                + " | value 25.0 % vs baseline 1.00 % (threshold 5.00 %)",
                        "resolved | "
                                + EVIL_SERVICE
                                + " | Latency regression | "
                                + EVIL_SUMMARY
                                + " | value 480 ms vs baseline 120 ms (threshold 300 ms)");
        page.await(
                "three alerts in the panel",
                d -> page.alerts("alerts-list").size() == expectedAlerts.size());
        assertThat(page.alerts("alerts-list")).containsExactlyElementsOf(expectedAlerts);
        assertThat(page.displayed("#alerts-empty")).isFalse();
        assertThat(page.text("#alerts-count")).isEqualTo("▲ 2 firing");
        assertThat(page.text("#alerts-list li[data-state='firing'] .alert-state"))
                .isEqualTo("▲ FIRING");
        assertThat(page.text("#alerts-list li[data-state='resolved'] .alert-state"))
                .isEqualTo("✓ RESOLVED");
        assertThat(page.text("#alerts-list li[data-state='resolved'] .alert-time"))
                .endsWith("· lasted 20 s");
        assertThat(page.script("return window.__xss === undefined")).isEqualTo(true);
        browser.fullPageScreenshot("overview-alerts");

        // A generated service's detail, reached from its alert: stacked levels and the other
        // charts, its top paths, its alerts and its error templates.
        page.clickAlert(HandMade.ERROR_RATE_ID);
        page.await(
                "the detail of " + service,
                d ->
                        page.displayed("#detail")
                                && service.equals(page.attr("#detail", "data-service")));
        page.await(
                "the alert of " + service + " in its detail",
                d -> page.alerts("detail-alerts-list").size() == 1);
        assertThat(page.alerts("detail-alerts-list")).containsExactly(expectedAlerts.get(1));
        assertThat(page.text("#detail-alerts-list .alert-evidence"))
                .isEqualTo(
                        "count: 200 · errors: 50\nTop paths: /api/pay (120)\n"
                                + "Top errors: <i>card declined</i> (50)");
        page.await(
                "the error templates of " + service,
                d -> "templates".equals(page.attr("#top-errors", "data-from")));
        assertThat(page.text("#top-errors-title")).isEqualTo("Top error templates");
        assertThat(page.topErrorRows())
                .containsExactly(
                        PAYMENT_TEMPLATE
                                + " | 40 | old | Payment for order 9313 failed: card declined",
                        EVIL_TEMPLATE + " | 5 | new | " + HandMade.EVIL_EXAMPLE);
        assertThat(page.script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(page.text("#detail-title")).isEqualTo(service);
        page.await(
                "data points in every detail chart",
                d -> {
                    List<Long> points = page.detailChartPoints();
                    return points.size() == 5 && points.stream().allMatch(n -> n > 0);
                });
        page.await("top paths of " + service, d -> !page.topItems("top-paths").isEmpty());
        assertThat(page.topItems("top-paths")).anyMatch(p -> p.matches("/\\S*"));
        assertThat(page.script("return location.hash")).isEqualTo("#/service/" + service);
        browser.fullPageScreenshot("detail");

        // At a narrow laptop width the charts shrink with their cards: no horizontal scrolling.
        browser.resize(1000, 900);
        page.await("the detail to fit 1000 px", d -> !page.overflowsHorizontally());
        browser.fullPageScreenshot("detail-1000px");
        browser.resize(1400, 1000);

        // Another range redraws the same data: the selector switches and the charts keep points.
        page.selectRange("1h");
        page.await(
                "the 1 h range",
                d ->
                        "1h".equals(page.attr("#range", "data-range"))
                                && "true"
                                        .equals(
                                                page.attr(
                                                        "#range button[data-range='1h']",
                                                        "aria-pressed")));
        page.await(
                "data points in every detail chart for 1 h",
                d -> page.detailChartPoints().stream().allMatch(n -> n > 0));

        // The hostile service: its name, path and message appear as literal text, nothing runs.
        page.backToOverview();
        page.clickServiceRow(EVIL_SERVICE);
        page.await(
                "the hostile error message in the top errors",
                d -> page.topItems("top-errors").contains(EVIL_MESSAGE));
        assertThat(page.text("#detail-title")).isEqualTo(EVIL_SERVICE);
        // No templates of the hostile service: its top errors are the raw messages.
        assertThat(page.attr("#top-errors", "data-from")).isEqualTo("messages");
        assertThat(page.alerts("detail-alerts-list")).hasSize(2);
        assertThat(page.attr("#detail", "data-service")).isEqualTo(EVIL_SERVICE);
        assertThat(page.text("#top-errors tbody tr.item .item-label")).isEqualTo(EVIL_MESSAGE);
        assertThat(page.topItems("top-paths")).containsExactly(EVIL_PATH);
        assertThat(page.script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(page.script("return document.querySelectorAll('img[src=\"x\"]').length"))
                .isEqualTo(0L);
        assertThat(
                        page.script(
                                "return Array.from(document.scripts)"
                                        + ".some(s => s.textContent.includes('__xss'))"))
                .isEqualTo(false);
        browser.fullPageScreenshot("detail-hostile");
    }

    @Test
    void unreachableKafkaIsShownWithItsError() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        String bootstrap = "127.0.0.1:" + deadPort;
        try (DashboardServer server =
                        DashboardServer.builder()
                                .kafkaBootstrap(bootstrap)
                                .registry(REGISTRY.clientConfig().build())
                                .host("127.0.0.1")
                                .port(0)
                                .build()
                                .start();
                HeadlessChromium browser = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(browser.driver(), WAIT);
            try {
                page.open(server.url() + "/");
                page.await(
                        "the Kafka outage banner",
                        d -> "false".equals(page.attr("#kafka-banner", "data-connected")));
                assertThat(page.displayed("#kafka-banner")).isTrue();
                assertThat(page.text("#kafka-banner"))
                        .contains("Kafka is unreachable")
                        .contains(bootstrap);
                assertThat(page.text("#kafka-banner .kafka-error")).isNotBlank();
                assertThat(page.displayed("#empty-state")).isTrue();
                browser.screenshot("kafka-down");
            } catch (Throwable t) {
                browser.screenshot("failure-kafka-down");
                throw t;
            }
        }
    }

    @Test
    void aJobReadingTheWrongTopicRaisesTheDeadLetterBanner() throws Exception {
        // Producers that write JSON, not the registry's Avro: every record a dead letter.
        TestAnalyticsJob analytics = analytics();
        String logs = analytics.input();
        String dlq = analytics.deadLetters();
        String metrics = analytics.metrics();
        JobClient job = analytics.submit();
        try (DashboardServer server =
                        DashboardServer.builder()
                                .kafkaBootstrap(KAFKA.bootstrapServers())
                                .registry(REGISTRY.clientConfig().build())
                                .topic(metrics)
                                .deadLetterTopic(dlq)
                                .host("127.0.0.1")
                                .port(0)
                                .build()
                                .start();
                HeadlessChromium browser = HeadlessChromium.start()) {
            DashboardPage page = new DashboardPage(browser.driver(), WAIT);
            try {
                page.open(server.url() + "/");
                page.await("Kafka to be connected", d -> !page.displayed("#kafka-banner"));
                assertThat(page.displayed("#dlq-banner")).isFalse();
                List<byte[]> json = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    json.add(
                            ("{\"level\":\"INFO\",\"msg\":\"request " + i + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                }
                KAFKA.sendValues(logs, json);
                // The job may commit the 40 in more than one checkpoint: wait for all of them.
                page.await(
                        "the dead-letter banner with all 40",
                        d ->
                                "error".equals(page.attr("#dlq-banner", "data-level"))
                                        && page.text("#dlq-banner").contains(" 40 in the last"));
                assertThat(page.text("#dlq-banner"))
                        .startsWith(
                                "Most records are dead letters. 40 in the last 5 min (100.0 % of"
                                        + " records), mostly MALFORMED: Unknown magic byte 0x7b")
                        .contains("mostly MALFORMED")
                        .contains("Is the job reading the topic your producers write");
                browser.screenshot("dead-letters");
            } catch (Throwable t) {
                browser.screenshot("failure-dead-letters");
                throw t;
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static TestAnalyticsJob analytics() {
        return TestAnalyticsJob.on(KAFKA, REGISTRY, 1)
                .set("windows", "tumbling:2s")
                .set("watermark.out-of-orderness", "5s")
                // Alerts and templates are produced by the test, with known content.
                .set("patterns.enabled", "false")
                .set("alerts.enabled", "false");
    }

    /** Five ERROR events of the hostile service at {@code at}, inside the generator's span. */
    private static void sendEvilEvents(String topic, RegistryClientConfig registry, Instant at) {
        SerializationSchema<LogEvent> serializer =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registry);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LogEvent event =
                    LogEvent.newBuilder()
                            .setTimestamp(at.plusMillis(100L * i))
                            .setService(EVIL_SERVICE)
                            .setHost("evil-host-<b>" + i)
                            .setLevel(Level.ERROR)
                            .setLogger("io.evil.<Logger>")
                            .setMessage(EVIL_MESSAGE)
                            .setTraceId(null)
                            .setHttp(
                                    HttpInfo.newBuilder()
                                            .setMethod("GET")
                                            .setPath(EVIL_PATH)
                                            .setStatus(500)
                                            .setLatencyMs(12.5 + i)
                                            .setResponseBytes(512)
                                            .setClientIp("10.66.0." + i)
                                            .setUserAgent("<script>")
                                            .build())
                            .setAttributes(Map.of())
                            .build();
            values.add(serializer.serialize(event));
        }
        KAFKA.sendValues(topic, values);
    }

    /** The alerts and patterns topics of one test. */
    private record Outputs(String alerts, String patterns) {}

    private static Object safeDebugState(DashboardPage page) {
        try {
            return page.debugState();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
