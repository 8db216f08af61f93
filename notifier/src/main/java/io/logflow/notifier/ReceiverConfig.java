package io.logflow.notifier;

import java.net.URI;
import java.util.Map;

/**
 * One receiver of a notifier: where to POST, how to render, which alerts it takes. {@code headers}
 * and {@code bearerToken} are secrets: they go on requests only, never in logs or errors.
 */
public record ReceiverConfig(
        String name,
        ReceiverType type,
        URI url,
        String bearerToken,
        Map<String, String> headers,
        Route route) {

    /** The URL as it may be shown: scheme, host and port only (webhook paths carry secrets). */
    public String safeUrl() {
        return url.getScheme()
                + "://"
                + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return name
                + " ("
                + type.name().toLowerCase(java.util.Locale.ROOT)
                + ", "
                + safeUrl()
                + ")";
    }
}
