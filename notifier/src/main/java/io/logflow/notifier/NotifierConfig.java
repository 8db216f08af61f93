package io.logflow.notifier;

import io.logflow.connectors.registry.RegistryClientConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The notifier's typed settings, built by {@link NotifierConfigReader} from {@code notifier.yaml}
 * (and the command's flags), where every key and its default is written once.
 */
public record NotifierConfig(
        String bootstrapServers,
        String topic,
        String groupId,
        boolean startFromEarliest,
        RegistryClientConfig registry,
        Path dataDir,
        URI dashboardUrl,
        Duration resendInterval,
        Retry retry,
        Map<String, String> severities,
        List<ReceiverConfig> receivers) {

    /** How deliveries are retried: exponential from {@code initialBackoff}, capped. */
    public record Retry(
            Duration initialBackoff,
            Duration maxBackoff,
            Duration giveUpAfter,
            Duration requestTimeout) {}

    /** The dashboard's page for {@code service}; null when no dashboard URL is configured. */
    public String dashboardPage(String service) {
        if (dashboardUrl == null) {
            return null;
        }
        String base = dashboardUrl.toString();
        return (base.endsWith("/") ? base : base + "/")
                + "#/service/"
                + java.net.URLEncoder.encode(service, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    /**
     * An alert's severity: its own ({@code evidence.severity}, for a job that sets one per rule),
     * else its kind's from {@code severities}, else {@code warning}.
     */
    public String severityOf(io.logflow.schema.Alert alert) {
        String own = alert.getEvidence().get("severity");
        return own != null && !own.isBlank()
                ? own
                : severities.getOrDefault(alert.getKind().name(), "warning");
    }
}
