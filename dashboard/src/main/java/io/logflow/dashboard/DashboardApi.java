package io.logflow.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The JSON the page reads, computed from the {@link MetricsStore}, {@link AlertStore} and {@link
 * PatternStore}: status, overview, a service's series, its top paths and errors (log templates when
 * the pattern miner's output is there), and alerts. Pure functions of the stores, so they are
 * unit-tested without a server.
 */
public final class DashboardApi {

    /** The time ranges the page offers. */
    static final Map<String, Duration> RANGES =
            Map.of(
                    "15m",
                    Duration.ofMinutes(15),
                    "1h",
                    Duration.ofHours(1),
                    "6h",
                    Duration.ofHours(6));

    private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    /** How many error templates the top-errors table lists. */
    static final int TOP_TEMPLATES = 10;

    private final MetricsStore store;
    private final PatternStore patterns;
    private final KafkaStatus kafka;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AlertsView alerts;
    private final DeadLetterStore deadLetters;

    /** An API on window results alone: no alerts, raw top errors. */
    public DashboardApi(MetricsStore store, KafkaStatus kafka, Clock clock) {
        this(
                store,
                new AlertStore(Duration.ofHours(6), 1),
                new PatternStore(Duration.ofHours(6), 1),
                kafka,
                clock);
    }

    public DashboardApi(
            MetricsStore store,
            AlertStore alerts,
            PatternStore patterns,
            KafkaStatus kafka,
            Clock clock) {
        this(
                store,
                alerts,
                patterns,
                new DeadLetterStore(DashboardServer.DEAD_LETTER_SPAN, clock),
                kafka,
                clock);
    }

    DashboardApi(
            MetricsStore store,
            AlertStore alerts,
            PatternStore patterns,
            DeadLetterStore deadLetters,
            KafkaStatus kafka,
            Clock clock) {
        this.deadLetters = deadLetters;
        this.store = store;
        this.patterns = patterns;
        this.kafka = kafka;
        this.clock = clock;
        this.alerts = new AlertsView(alerts, store, json);
    }

    /** Firing alerts, then recent resolved ones, of {@code service} or of all when it is null. */
    public ArrayNode alerts(String service) {
        return alerts.alerts(service);
    }

    /** Kafka connectivity and how fresh the data is. */
    public ObjectNode status() {
        ObjectNode out = json.createObjectNode();
        ObjectNode k = out.putObject("kafka");
        k.put("connected", kafka.connected());
        k.put("state", kafka.state());
        k.put("error", kafka.error());
        k.put("bootstrap", kafka.bootstrap());
        k.put("topic", kafka.topic());
        Instant last = store.lastResultAt();
        Instant end = store.latestWindowEnd();
        out.put("lastResultAt", last == null ? null : last.toString());
        out.put("latestWindowEnd", end == null ? null : end.toString());
        if (end == null) {
            out.putNull("watermarkLagSeconds");
        } else {
            out.put(
                    "watermarkLagSeconds",
                    Duration.between(end, clock.instant()).toMillis() / 1000.0);
        }
        out.put("services", store.services().size());
        ArrayNode windows = out.putArray("windows");
        store.windows().forEach(windows::add);
        ObjectNode registry = out.putObject("registry");
        registry.put("state", kafka.registryError() == null ? "ok" : "down");
        registry.put("error", kafka.registryError());
        out.set("deadLetters", deadLetterStatus());
        return out;
    }

    /**
     * Dead letters of the last minutes against the events the first window definition counted in
     * windows ending in the same span: a share near 1 means the job reads the wrong topic or asks
     * the wrong registry.
     */
    private ObjectNode deadLetterStatus() {
        ObjectNode d = json.createObjectNode();
        List<DeadLetterStore.Reason> recent = deadLetters.recent();
        long count = recent.stream().mapToLong(DeadLetterStore.Reason::count).sum();
        Instant now = clock.instant();
        List<String> definitions = store.windows();
        long events =
                definitions.isEmpty()
                        ? 0
                        : store.eventsEnding(
                                definitions.get(0), now.minus(deadLetters.span()), now);
        d.put("spanSeconds", deadLetters.span().toSeconds());
        d.put("count", count);
        d.put("events", events);
        if (count + events > 0) {
            d.put("ratio", count / (double) (count + events));
        } else {
            d.putNull("ratio");
        }
        ArrayNode reasons = d.putArray("reasons");
        for (DeadLetterStore.Reason r : recent) {
            ObjectNode o = reasons.addObject();
            o.put("reason", r.reason().name());
            o.put("count", r.count());
            o.put("example", r.example());
        }
        return d;
    }

    /** Every service's latest numbers with sparklines over {@code range}. */
    public ObjectNode overview(String range, String window) {
        String w = window(window);
        ObjectNode out = json.createObjectNode();
        out.put("window", w);
        out.put("range", range(range).getKey());
        ArrayNode services = out.putArray("services");
        for (String service : store.services()) {
            List<WindowStats> points = store.series(service, w, from(range));
            if (points.isEmpty()) {
                continue;
            }
            WindowStats latest = points.get(points.size() - 1);
            ObjectNode s = services.addObject();
            s.put("service", service);
            s.put("eventsPerSec", perSecond(latest, latest.getCount()));
            s.put("errorRate", latest.getErrorRate());
            putNullable(
                    s, "p95", latest.getLatency() == null ? null : latest.getLatency().getP95());
            s.put("lastWindowStart", latest.getWindowStart().toString());
            ObjectNode spark = s.putObject("spark");
            times(spark, points);
            column(spark, "eventsPerSec", points, p -> perSecond(p, p.getCount()));
            column(spark, "errorRate", points, WindowStats::getErrorRate);
            latencyColumn(spark, "p95", points, 95);
        }
        out.set("status", status());
        return out;
    }

    /** The detail series of one service; null when the service is unknown. */
    public ObjectNode series(String service, String range, String window) {
        if (!store.hasService(service)) {
            return null;
        }
        String w = window(window);
        List<WindowStats> points = store.series(service, w, from(range));
        ObjectNode out = json.createObjectNode();
        out.put("service", service);
        out.put("window", w);
        times(out, points);
        column(out, "eventsPerSec", points, p -> perSecond(p, p.getCount()));
        ObjectNode levels = out.putObject("levels");
        for (String level : LEVELS) {
            column(
                    levels,
                    level,
                    points,
                    p -> perSecond(p, p.getLevelCounts().getOrDefault(level, 0L)));
        }
        column(out, "errorRate", points, WindowStats::getErrorRate);
        latencyColumn(out, "p50", points, 50);
        latencyColumn(out, "p95", points, 95);
        latencyColumn(out, "p99", points, 99);
        column(
                out,
                "rate4xx",
                points,
                p -> perSecond(p, p.getStatusClassCounts().getOrDefault("4xx", 0L)));
        column(
                out,
                "rate5xx",
                points,
                p -> perSecond(p, p.getStatusClassCounts().getOrDefault("5xx", 0L)));
        column(out, "distinctClients", points, p -> p.getDistinctClientIps());
        return out;
    }

    /**
     * The latest window's top paths of one service, and its top errors: error templates summed over
     * {@code range} when the service has templates there, else the latest window's raw messages.
     * Null when the service is unknown.
     */
    public ObjectNode top(String service, String window, String range) {
        if (!store.hasService(service)) {
            return null;
        }
        ObjectNode out = json.createObjectNode();
        out.put("service", service);
        WindowStats latest = store.latest(service, window(window)).orElse(null);
        out.put("windowStart", latest == null ? null : latest.getWindowStart().toString());
        out.put("windowEnd", latest == null ? null : latest.getWindowEnd().toString());
        items(out.putArray("topPaths"), latest == null ? List.of() : latest.getTopPaths());
        Instant from = from(range);
        if (patterns.hasPatterns(service, from)) {
            out.put("errorsFrom", "templates");
            out.put("range", range(range).getKey());
            templates(out.putArray("topErrors"), patterns.templates(service, from));
        } else {
            out.put("errorsFrom", "messages");
            items(out.putArray("topErrors"), latest == null ? List.of() : latest.getTopErrors());
        }
        return out;
    }

    private static void templates(ArrayNode out, List<PatternStore.TemplateTotal> templates) {
        templates.stream()
                .filter(t -> t.errorCount() > 0)
                .limit(TOP_TEMPLATES)
                .forEach(
                        t ->
                                out.addObject()
                                        .put("item", t.template())
                                        .put("templateId", t.templateId())
                                        .put("count", t.count())
                                        .put("errorCount", t.errorCount())
                                        .put("example", t.example())
                                        .put("firstSeen", t.firstSeen().toString())
                                        .put("new", t.isNew()));
    }

    /** Validates a range parameter; unknown values fall back to 15 minutes. */
    static Map.Entry<String, Duration> range(String range) {
        Duration d = range == null ? null : RANGES.get(range);
        return d == null ? Map.entry("15m", RANGES.get("15m")) : Map.entry(range, d);
    }

    private Instant from(String range) {
        // Relative to event time, not the wall clock, so a replay or a lagging job still shows
        // its latest data.
        Instant end = store.latestWindowEnd();
        return (end == null ? clock.instant() : end).minus(range(range).getValue());
    }

    private String window(String requested) {
        List<String> windows = store.windows();
        if (requested != null && windows.contains(requested)) {
            return requested;
        }
        return windows.isEmpty() ? "" : windows.get(0);
    }

    private static double perSecond(WindowStats w, long n) {
        double seconds =
                (w.getWindowEnd().toEpochMilli() - w.getWindowStart().toEpochMilli()) / 1000.0;
        return seconds <= 0 ? 0 : n / seconds;
    }

    private static void times(ObjectNode out, List<WindowStats> points) {
        ArrayNode t = out.putArray("t");
        points.forEach(p -> t.add(p.getWindowStart().toEpochMilli() / 1000));
    }

    private static void column(
            ObjectNode out,
            String name,
            List<WindowStats> points,
            ToDoubleFunction<WindowStats> f) {
        ArrayNode a = out.putArray(name);
        points.forEach(p -> a.add(f.applyAsDouble(p)));
    }

    private static void latencyColumn(
            ObjectNode out, String name, List<WindowStats> points, int percentile) {
        ArrayNode a = out.putArray(name);
        for (WindowStats p : points) {
            if (p.getLatency() == null) {
                a.addNull();
            } else {
                a.add(
                        percentile == 50
                                ? p.getLatency().getP50()
                                : percentile == 95
                                        ? p.getLatency().getP95()
                                        : p.getLatency().getP99());
            }
        }
    }

    private static void items(ArrayNode out, List<TopItem> items) {
        for (TopItem item : items) {
            ObjectNode o = out.addObject();
            o.put("item", item.getItem());
            o.put("count", item.getCount());
        }
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null || value.isNaN()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
