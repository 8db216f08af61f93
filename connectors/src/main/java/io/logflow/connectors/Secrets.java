package io.logflow.connectors;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a secret in LogFlow's configuration and how it is shown: never in logs, errors or
 * {@code toString}s. Keys that name passwords, tokens, JAAS configs and inline PEM keys or
 * certificates are masked whole; a {@code user:password@} inside any URL loses its password.
 */
public final class Secrets {

    public static final String MASK = "******";

    private static final Pattern URL_PASSWORD =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\\s]+):([^@/\\s]*)@");

    private Secrets() {}

    /** True for a configuration key whose value is a secret. */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password")
                || k.contains("token")
                || k.contains("basic-auth")
                || k.contains("basic.auth.user.info")
                || k.contains("jaas")
                || k.contains("secret")
                // Inline PEM material (Kafka's ssl.keystore.key, ssl.truststore.certificates, ...).
                || k.endsWith("keystore.key")
                || k.endsWith("keystore.certificate.chain")
                || k.endsWith("truststore.certificates");
    }

    /** {@code value} as it may be shown for {@code key}. */
    public static String mask(String key, String value) {
        if (value == null) {
            return null;
        }
        if (!isSecretKey(key)) {
            return maskUrls(value);
        }
        String k = key.toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        // user:password: the user helps to debug, the password must not show.
        return (k.contains("basic-auth") || k.contains("basic.auth.user.info")) && colon > 0
                ? value.substring(0, colon) + ":" + MASK
                : MASK;
    }

    /** Every {@code scheme://user:password@} in {@code text} with the password masked. */
    public static String maskUrls(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = URL_PASSWORD.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + ":" + MASK + "@"));
    }
}
