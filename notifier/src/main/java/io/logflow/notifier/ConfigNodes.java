package io.logflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.connectors.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * Typed reads of one node of the notifier's YAML tree; each failure names the key's whole path. A
 * key is looked up by its last segment ({@code receivers[0].url} reads {@code url}).
 */
final class ConfigNodes {

    private ConfigNodes() {}

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

    static void keys(JsonNode node, String prefix, Set<String> known) {
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

    static JsonNode object(JsonNode parent, String key) {
        JsonNode v = parent.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw new NotifierConfigException(key + ": must be a mapping");
        }
        return v;
    }

    static String text(JsonNode parent, String key, String fallback) {
        JsonNode v = parent.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return fallback;
        }
        String s = scalar(v, key);
        return s.isBlank() ? fallback : s;
    }

    static String required(JsonNode parent, String key) {
        String v = text(parent, key, null);
        if (v == null) {
            throw new NotifierConfigException(key + ": required");
        }
        return v;
    }

    static String scalar(JsonNode v, String key) {
        if (!v.isValueNode()) {
            throw new NotifierConfigException(key + ": must be a single value");
        }
        return v.asText();
    }

    static Duration duration(JsonNode parent, String key, Duration fallback) {
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
