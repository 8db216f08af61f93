package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.logflow.connectors.Defaults;
import io.logflow.connectors.Secrets;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.schema.AlertKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;

/**
 * Reads {@code notifier.yaml} into a {@link NotifierConfig}: every key and default of the notifier
 * is here, unknown keys and bad values fail with the key's path named ({@code receivers[1].url}).
 *
 * <pre>{@code
 * ObjectNode tree = NotifierConfigReader.load(Path.of("notifier.yaml"));
 * NotifierConfigReader.set(tree, "kafka.bootstrap-servers", "broker:9092");
 * NotifierConfig config = NotifierConfigReader.read(tree);
 * }</pre>
 */
public final class NotifierConfigReader {

    /** Prometheus re-sends firing alerts every minute ({@code --rules.alert.resend-delay}). */
    static final Duration DEFAULT_RESEND = Duration.ofMinutes(1);

    static final Map<String, String> DEFAULT_SEVERITIES =
            Map.of(
                    AlertKind.ERROR_RATE_SPIKE.name(), "critical",
                    AlertKind.LATENCY_REGRESSION.name(), "warning",
                    AlertKind.SILENCE.name(), "critical",
                    AlertKind.NEW_ERROR_TEMPLATE.name(), "info");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP =
            Set.of(
                    "kafka",
                    "registry",
                    "data-dir",
                    "dashboard-url",
                    "resend-interval",
                    "retry",
                    "severities",
                    "receivers");
    private static final Set<String> KAFKA =
            Set.of("bootstrap-servers", "topic", "group-id", "start-from");
    private static final Set<String> REGISTRY = Set.of("url", "basic-auth", "bearer-token");
    private static final Set<String> RETRY =
            Set.of("initial-backoff", "max-backoff", "give-up-after", "request-timeout");
    private static final Set<String> RECEIVER =
            Set.of("name", "type", "url", "bearer-token", "headers", "match");
    private static final Set<String> MATCH = Set.of("service", "kind", "severity");

    private NotifierConfigReader() {}

    /** The file's tree; a missing file or invalid YAML fails naming the file. */
    public static ObjectNode load(Path file) {
        try {
            JsonNode tree = YAML.readTree(Files.readString(file));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return YAML.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new NotifierConfigException(file + ": the top level must be a mapping");
            }
            return (ObjectNode) tree;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NotifierConfigException(file + ": no such file");
        } catch (IOException e) {
            // Jackson's message names line and column; the first line is enough.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new NotifierConfigException(file + ": not valid YAML: " + message);
        }
    }

    /** An empty tree: every default. */
    public static ObjectNode empty() {
        return YAML.createObjectNode();
    }

    /** Sets a dotted key (a flag overriding the file). */
    public static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node =
                    node.has(parts[i]) && node.get(parts[i]).isObject()
                            ? (ObjectNode) node.get(parts[i])
                            : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    /**
     * Adds a receiver that takes every alert (a {@code --alertmanager-url}-style flag) and returns
     * its node, to add more keys to.
     */
    public static ObjectNode addReceiver(
            ObjectNode tree, String name, ReceiverType type, String url) {
        ArrayNode receivers =
                tree.has("receivers") && tree.get("receivers").isArray()
                        ? (ArrayNode) tree.get("receivers")
                        : tree.putArray("receivers");
        return receivers
                .addObject()
                .put("name", name)
                .put("type", type.name().toLowerCase(Locale.ROOT))
                .put("url", url);
    }

    /** The validated settings. */
    public static NotifierConfig read(ObjectNode tree) {
        keys(tree, "", TOP);
        JsonNode kafka = object(tree, "kafka");
        JsonNode registry = object(tree, "registry");
        JsonNode retry = object(tree, "retry");
        keys(kafka, "kafka.", KAFKA);
        keys(registry, "registry.", REGISTRY);
        keys(retry, "retry.", RETRY);

        String startFrom = text(kafka, "kafka.start-from", "latest");
        if (!startFrom.equals("latest") && !startFrom.equals("earliest")) {
            throw new NotifierConfigException(
                    "kafka.start-from: must be latest or earliest, got '" + startFrom + "'");
        }
        NotifierConfig.Retry retries =
                new NotifierConfig.Retry(
                        duration(retry, "retry.initial-backoff", Duration.ofMillis(500)),
                        duration(retry, "retry.max-backoff", Duration.ofSeconds(30)),
                        duration(retry, "retry.give-up-after", Duration.ofMinutes(10)),
                        duration(retry, "retry.request-timeout", Duration.ofSeconds(10)));
        String dashboard = text(tree, "dashboard-url", null);
        return new NotifierConfig(
                text(kafka, "kafka.bootstrap-servers", "127.0.0.1:" + Defaults.KAFKA_PORT),
                text(kafka, "kafka.topic", Defaults.TOPIC_ALERTS),
                text(kafka, "kafka.group-id", "logflow-notifier"),
                startFrom.equals("earliest"),
                registry(registry),
                Path.of(text(tree, "data-dir", Defaults.DATA_DIR + "/notifier"))
                        .toAbsolutePath()
                        .normalize(),
                dashboard == null ? null : httpUrl("dashboard-url", dashboard),
                duration(tree, "resend-interval", DEFAULT_RESEND),
                retries,
                severities(object(tree, "severities")),
                receivers(tree.get("receivers")));
    }

    private static RegistryClientConfig registry(JsonNode node) {
        String url = text(node, "registry.url", "http://127.0.0.1:" + Defaults.REGISTRY_PORT);
        httpUrl("registry.url", url);
        RegistryClientConfig.Builder b = RegistryClientConfig.builder(url);
        String basic = text(node, "registry.basic-auth", null);
        if (basic != null) {
            int colon = basic.indexOf(':');
            if (colon <= 0) {
                throw new NotifierConfigException("registry.basic-auth: needs user:password");
            }
            b.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
        String token = text(node, "registry.bearer-token", null);
        if (token != null) {
            b.bearerToken(token);
        }
        return b.build();
    }

    private static Map<String, String> severities(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>(DEFAULT_SEVERITIES);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DEFAULT_SEVERITIES.containsKey(e.getKey())) {
                throw new NotifierConfigException(
                        "severities."
                                + e.getKey()
                                + ": unknown alert kind; known: "
                                + String.join(
                                        ", ",
                                        new java.util.TreeSet<>(DEFAULT_SEVERITIES.keySet())));
            }
            out.put(e.getKey(), scalar(e.getValue(), "severities." + e.getKey()));
        }
        return Map.copyOf(out);
    }

    private static List<ReceiverConfig> receivers(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new NotifierConfigException(
                    "receivers: none configured; add one to the config file or pass"
                            + " --alertmanager-url, --webhook-url or --slack-url");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new NotifierConfigException("receivers: must be a non-empty list of receivers");
        }
        List<ReceiverConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "receivers[" + i + "]";
            JsonNode r = node.get(i);
            if (!r.isObject()) {
                throw new NotifierConfigException(at + ": must be a mapping");
            }
            keys(r, at + ".", RECEIVER);
            String typeText = required(r, at + ".type");
            ReceiverType type;
            try {
                type = ReceiverType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new NotifierConfigException(
                        at
                                + ".type: must be alertmanager, webhook or slack, got '"
                                + typeText
                                + "'");
            }
            String name = text(r, at + ".name", typeText.toLowerCase(Locale.ROOT) + "-" + i);
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new NotifierConfigException(
                        at + ".name: only letters, digits, '.', '_' and '-', got '" + name + "'");
            }
            if (!names.add(name)) {
                throw new NotifierConfigException(at + ".name: '" + name + "' is used twice");
            }
            URI url = httpUrl(at + ".url", required(r, at + ".url"));
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = object(r, at + ".headers");
            h.fields()
                    .forEachRemaining(
                            e -> {
                                String key = at + ".headers." + e.getKey();
                                headers.put(
                                        e.getKey(),
                                        header(key, e.getKey(), scalar(e.getValue(), key)));
                            });
            JsonNode match = object(r, at + ".match");
            keys(match, at + ".match.", MATCH);
            Route route =
                    new Route(
                            patterns(match, at + ".match.service"),
                            patterns(match, at + ".match.kind"),
                            patterns(match, at + ".match.severity"));
            out.add(
                    new ReceiverConfig(
                            name,
                            type,
                            url,
                            text(r, at + ".bearer-token", null),
                            Map.copyOf(headers),
                            route));
        }
        return List.copyOf(out);
    }

    private static List<Pattern> patterns(JsonNode match, String key) {
        JsonNode v = match.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Pattern> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                out.add(Route.compile(key + "[" + i + "]", scalar(v.get(i), key + "[" + i + "]")));
            }
        } else {
            out.add(Route.compile(key, scalar(v, key)));
        }
        return List.copyOf(out);
    }

    /**
     * A header the JDK's client will send; the error names the header, never its value (a secret,
     * often).
     */
    private static String header(String key, String name, String value) {
        try {
            java.net.http.HttpRequest.newBuilder(URI.create("http://localhost/"))
                    .header(name, value);
        } catch (IllegalArgumentException e) {
            throw new NotifierConfigException(
                    key
                            + ": not a header LogFlow can send (a restricted name such as Host or"
                            + " Content-Length, or a character not allowed in a header)");
        }
        return value;
    }

    /** An absolute http(s) URL with a host; the error shows it without a password. */
    static URI httpUrl(String key, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new NotifierConfigException(
                    key + ": not a URL: '" + Secrets.maskUrls(text) + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new NotifierConfigException(
                    key
                            + ": needs an http:// or https:// URL with a host, got '"
                            + Secrets.maskUrls(text)
                            + "'");
        }
        return uri;
    }

    private static void keys(JsonNode node, String prefix, Set<String> known) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new NotifierConfigException(
                        prefix
                                + k
                                + ": unknown key; known here: "
                                + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode v = parent.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return YAML.createObjectNode();
        }
        if (!v.isObject()) {
            throw new NotifierConfigException(key + ": must be a mapping");
        }
        return v;
    }

    private static String text(JsonNode parent, String key, String fallback) {
        JsonNode v = parent.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return fallback;
        }
        String s = scalar(v, key);
        return s.isBlank() ? fallback : s;
    }

    private static String required(JsonNode parent, String key) {
        String v = text(parent, key, null);
        if (v == null) {
            throw new NotifierConfigException(key + ": required");
        }
        return v;
    }

    private static String scalar(JsonNode v, String key) {
        if (!v.isValueNode()) {
            throw new NotifierConfigException(key + ": must be a single value");
        }
        return v.asText();
    }

    private static Duration duration(JsonNode parent, String key, Duration fallback) {
        String v = text(parent, key, null);
        if (v == null) {
            return fallback;
        }
        Duration d;
        try {
            d = TimeUtils.parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw new NotifierConfigException(
                    key + ": needs a duration like 500ms, 30s or 1m, got '" + v + "'");
        }
        if (d.isZero() || d.isNegative()) {
            throw new NotifierConfigException(key + ": must be positive, got '" + v + "'");
        }
        return d;
    }
}
