package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.logflow.connectors.Defaults;
import io.logflow.connectors.kafka.KafkaOptions;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryOptions;
import io.logflow.schema.AlertKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code notifier.yaml} into a {@link NotifierConfig}: every key and default of the notifier
 * is here (a receiver's in {@link ReceiversReader}); unknown keys and bad values fail with the
 * key's path named ({@code receivers[1].url}).
 *
 * <pre>{@code
 * ObjectNode tree = NotifierConfigReader.load(Path.of("notifier.yaml"));
 * NotifierConfigReader.set(tree, NotifierConfigReader.KAFKA_BOOTSTRAP_SERVERS, "broker:9092");
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

    /** The file's keys that bin/logflow's flags set ({@link #set}); the same names as the job's. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = KafkaOptions.BOOTSTRAP_SERVERS.key();

    public static final String KAFKA_TOPIC = "kafka.topic";
    public static final String KAFKA_GROUP_ID = "kafka.group-id";
    public static final String REGISTRY_URL = RegistryOptions.URL.key();
    public static final String DASHBOARD_URL = "dashboard-url";
    public static final String DATA_DIR = "data-dir";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP =
            Set.of(
                    "kafka",
                    "registry",
                    DATA_DIR,
                    DASHBOARD_URL,
                    "resend-interval",
                    "retry",
                    "severities",
                    "receivers");
    private static final Set<String> KAFKA =
            Set.of("bootstrap-servers", "topic", "group-id", "start-from");
    private static final Set<String> REGISTRY = Set.of("url", "basic-auth", "bearer-token");
    private static final Set<String> RETRY =
            Set.of("initial-backoff", "max-backoff", "give-up-after", "request-timeout");

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
        ConfigNodes.keys(tree, "", TOP);
        JsonNode kafka = ConfigNodes.object(tree, "kafka");
        JsonNode registry = ConfigNodes.object(tree, "registry");
        JsonNode retry = ConfigNodes.object(tree, "retry");
        ConfigNodes.keys(kafka, "kafka.", KAFKA);
        ConfigNodes.keys(registry, "registry.", REGISTRY);
        ConfigNodes.keys(retry, "retry.", RETRY);

        String startFrom = ConfigNodes.text(kafka, "kafka.start-from", "latest");
        if (!startFrom.equals("latest") && !startFrom.equals("earliest")) {
            throw new NotifierConfigException(
                    "kafka.start-from: must be latest or earliest, got '" + startFrom + "'");
        }
        NotifierConfig.Retry retries =
                new NotifierConfig.Retry(
                        ConfigNodes.duration(
                                retry, "retry.initial-backoff", Duration.ofMillis(500)),
                        ConfigNodes.duration(retry, "retry.max-backoff", Duration.ofSeconds(30)),
                        ConfigNodes.duration(retry, "retry.give-up-after", Duration.ofMinutes(10)),
                        ConfigNodes.duration(
                                retry, "retry.request-timeout", Duration.ofSeconds(10)));
        String dashboard = ConfigNodes.text(tree, DASHBOARD_URL, null);
        return new NotifierConfig(
                ConfigNodes.text(kafka, KAFKA_BOOTSTRAP_SERVERS, Defaults.LOOPBACK_KAFKA),
                ConfigNodes.text(kafka, KAFKA_TOPIC, Defaults.TOPIC_ALERTS),
                ConfigNodes.text(kafka, KAFKA_GROUP_ID, "logflow-notifier"),
                startFrom.equals("earliest"),
                registry(registry),
                Path.of(ConfigNodes.text(tree, DATA_DIR, Defaults.DATA_DIR + "/notifier"))
                        .toAbsolutePath()
                        .normalize(),
                dashboard == null ? null : ConfigNodes.httpUrl(DASHBOARD_URL, dashboard),
                ConfigNodes.duration(tree, "resend-interval", DEFAULT_RESEND),
                retries,
                severities(ConfigNodes.object(tree, "severities")),
                ReceiversReader.receivers(tree.get("receivers")));
    }

    private static RegistryClientConfig registry(JsonNode node) {
        String url = ConfigNodes.text(node, REGISTRY_URL, Defaults.LOOPBACK_REGISTRY);
        ConfigNodes.httpUrl(REGISTRY_URL, url);
        RegistryClientConfig.Builder b = RegistryClientConfig.builder(url);
        String basic = ConfigNodes.text(node, RegistryOptions.BASIC_AUTH.key(), null);
        if (basic != null) {
            int colon = basic.indexOf(':');
            if (colon <= 0) {
                throw new NotifierConfigException(
                        RegistryOptions.BASIC_AUTH.key() + ": needs user:password");
            }
            b.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
        String token = ConfigNodes.text(node, RegistryOptions.BEARER_TOKEN.key(), null);
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
            out.put(e.getKey(), ConfigNodes.scalar(e.getValue(), "severities." + e.getKey()));
        }
        return Map.copyOf(out);
    }
}
