package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code receivers} list of the notifier's config: type, URL, secrets and route. */
final class ReceiversReader {

    private static final Set<String> RECEIVER =
            Set.of("name", "type", "url", "bearer-token", "headers", "match");
    private static final Set<String> MATCH = Set.of("service", "kind", "severity");

    private ReceiversReader() {}

    static List<ReceiverConfig> receivers(JsonNode node) {
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
            ConfigNodes.keys(r, at + ".", RECEIVER);
            String typeText = ConfigNodes.required(r, at + ".type");
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
            String name =
                    ConfigNodes.text(r, at + ".name", typeText.toLowerCase(Locale.ROOT) + "-" + i);
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new NotifierConfigException(
                        at + ".name: only letters, digits, '.', '_' and '-', got '" + name + "'");
            }
            if (!names.add(name)) {
                throw new NotifierConfigException(at + ".name: '" + name + "' is used twice");
            }
            URI url = ConfigNodes.httpUrl(at + ".url", ConfigNodes.required(r, at + ".url"));
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = ConfigNodes.object(r, at + ".headers");
            h.fields()
                    .forEachRemaining(
                            e -> {
                                String key = at + ".headers." + e.getKey();
                                headers.put(
                                        e.getKey(),
                                        header(
                                                key,
                                                e.getKey(),
                                                ConfigNodes.scalar(e.getValue(), key)));
                            });
            JsonNode match = ConfigNodes.object(r, at + ".match");
            ConfigNodes.keys(match, at + ".match.", MATCH);
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
                            ConfigNodes.text(r, at + ".bearer-token", null),
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
                out.add(
                        Route.compile(
                                key + "[" + i + "]",
                                ConfigNodes.scalar(v.get(i), key + "[" + i + "]")));
            }
        } else {
            out.add(Route.compile(key, ConfigNodes.scalar(v, key)));
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
}
