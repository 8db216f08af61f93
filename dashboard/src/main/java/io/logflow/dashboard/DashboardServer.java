package io.logflow.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.logflow.dashboard.prometheus.LogMetricsExporter;
import io.logflow.dashboard.prometheus.PrometheusText;
import io.logflow.schema.Alert;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The live dashboard: a small web server that reads the analytics job's committed window results
 * from Kafka into memory and serves them as JSON, Server-Sent Events and a page.
 *
 * <pre>{@code
 * try (DashboardServer dashboard = DashboardServer.builder()
 *         .kafkaBootstrap("localhost:9092").registry(registryConfig).build().start()) {
 *     System.out.println(dashboard.url());
 * }
 * }</pre>
 *
 * <p>It binds 127.0.0.1 by default; binding anywhere else requires an access token.
 */
public final class DashboardServer implements AutoCloseable {

    private final DashboardServerBuilder settings;
    private final MetricsStore store;
    private final AlertStore alerts;
    private final PatternStore patterns;
    private final DeadLetterStore deadLetters;
    private final LogMetricsExporter exporter;

    /** How far back the dead-letter banner counts. */
    static final Duration DEAD_LETTER_SPAN = Duration.ofMinutes(5);

    private final SseHub hub = new SseHub();
    private final ObjectMapper json = new ObjectMapper();
    private ResultsConsumer consumer;
    private Javalin app;

    DashboardServer(DashboardServerBuilder settings) {
        this.settings = settings;
        this.store = new MetricsStore(settings.retention, settings.maxPointsPerSeries);
        this.alerts = new AlertStore(settings.retention, settings.maxAlerts);
        this.patterns = new PatternStore(settings.retention, settings.maxPatternsPerService);
        this.deadLetters = new DeadLetterStore(DEAD_LETTER_SPAN, Clock.systemUTC());
        this.exporter = new LogMetricsExporter(settings.metricsWindow, settings.metricsMaxServices);
    }

    public static DashboardServerBuilder builder() {
        return new DashboardServerBuilder();
    }

    /** Starts consuming and serving; fails with a message naming a taken port. */
    public synchronized DashboardServer start() {
        Clock clock = Clock.systemUTC();
        KafkaStatus status = KafkaStatus.none();
        if (settings.kafkaBootstrap != null) {
            consumer =
                    new ResultsConsumer(
                            settings.kafkaBootstrap,
                            List.of(
                                    Feed.of(
                                            settings.topic,
                                            WindowStats.class,
                                            stats -> publishUpdate(stats, clock)),
                                    Feed.of(settings.alertsTopic, Alert.class, this::publishAlert),
                                    new Feed<>(
                                            settings.deadLetterTopic,
                                            DeadLetter.class,
                                            deadLetters::add,
                                            // No window result may follow (all dead letters):
                                            // the page hears of them on their own.
                                            () ->
                                                    hub.broadcast(
                                                            "status",
                                                            api(clock, consumer)
                                                                    .status()
                                                                    .toString())),
                                    new Feed<>(
                                            settings.patternsTopic,
                                            LogPattern.class,
                                            patterns::upsert,
                                            () -> hub.broadcast("patterns", "{}"))),
                            settings.registry,
                            settings.lookback,
                            s -> hub.broadcast("status", api(clock, s).status().toString()),
                            clock);
            status = consumer;
        }
        DashboardApi api = api(clock, status);
        app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.staticFiles.add(
                                    files -> {
                                        files.hostedPath = "/";
                                        files.directory = "/web";
                                        files.location = Location.CLASSPATH;
                                    });
                            config.staticFiles.enableWebjars();
                        });
        RequestGuard guard = new RequestGuard(settings.token);
        app.before(guard::before);
        app.before("/api/*", guard::authorize);
        // Prometheus scrapes with `authorization: credentials:`, a bearer header; never a URL.
        app.before("/metrics", guard::authorize);
        app.get(
                "/metrics",
                ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(exporter.render()));
        app.get("/api/status", ctx -> ctx.json(api.status()));
        app.get(
                "/api/overview",
                ctx -> ctx.json(api.overview(ctx.queryParam("range"), ctx.queryParam("window"))));
        app.get(
                "/api/services/{service}/series",
                ctx ->
                        found(
                                ctx,
                                api.series(
                                        ctx.pathParam("service"),
                                        ctx.queryParam("range"),
                                        ctx.queryParam("window"))));
        app.get(
                "/api/services/{service}/top",
                ctx ->
                        found(
                                ctx,
                                api.top(
                                        ctx.pathParam("service"),
                                        ctx.queryParam("window"),
                                        ctx.queryParam("range"))));
        app.get("/api/alerts", ctx -> ctx.json(api.alerts(ctx.queryParam("service"))));
        app.sse("/api/events", hub::add);
        app.exception(
                Exception.class,
                (e, ctx) -> {
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
                    ctx.json(error("Internal error: " + e.getClass().getSimpleName()));
                });
        try {
            app.start(settings.host, settings.port);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Dashboard port "
                            + settings.port
                            + " on "
                            + settings.host
                            + " is not available ("
                            + e.getMessage()
                            + "); choose another port",
                    e);
        }
        if (consumer != null) {
            consumer.start();
        }
        return this;
    }

    private DashboardApi api(Clock clock, KafkaStatus status) {
        return new DashboardApi(store, alerts, patterns, deadLetters, status, clock);
    }

    private boolean publishUpdate(WindowStats stats, Clock clock) {
        // The exporter keeps its own revisions: it must see every result, also one the store has.
        exporter.accept(stats);
        if (!store.upsert(stats, clock.instant())) {
            return false;
        }
        ObjectNode event = json.createObjectNode();
        event.put("service", stats.getService());
        event.put("window", stats.getWindow());
        event.put("windowStart", stats.getWindowStart().toString());
        event.put("revision", stats.getRevision());
        hub.broadcast("update", event.toString());
        return true;
    }

    private boolean publishAlert(Alert alert) {
        if (!alerts.upsert(alert)) {
            return false;
        }
        ObjectNode event = json.createObjectNode();
        event.put("alertId", alert.getAlertId());
        event.put("service", alert.getService());
        event.put("state", alert.getState().name());
        hub.broadcast("alert", event.toString());
        return true;
    }

    private void found(Context ctx, ObjectNode body) {
        if (body == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.json(error("Unknown service '" + ctx.pathParam("service") + "'"));
        } else {
            ctx.json(body);
        }
    }

    private ObjectNode error(String message) {
        ObjectNode node = json.createObjectNode();
        node.put("error", message);
        return node;
    }

    /** The page's address, e.g. http://127.0.0.1:8088. */
    public String url() {
        return "http://" + settings.host + ":" + app.port();
    }

    public int port() {
        return app.port();
    }

    /** The in-memory results, e.g. to feed a dashboard by hand in tests. */
    public MetricsStore store() {
        return store;
    }

    /** The log-derived metrics of {@code /metrics}. */
    public LogMetricsExporter exporter() {
        return exporter;
    }

    /** The in-memory alerts. */
    public AlertStore alerts() {
        return alerts;
    }

    /** The in-memory log templates. */
    public PatternStore patterns() {
        return patterns;
    }

    @Override
    public synchronized void close() throws Exception {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
        hub.closeAll();
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static Duration defaultLookback() {
        return Duration.ofHours(1);
    }
}
