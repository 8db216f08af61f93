package io.logflow.devstack.kafka;

import io.logflow.devstack.tls.DevCertificates;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SASL_SSL client listener for {@link EmbeddedKafka}: TLS with {@code certificates} and one SCRAM
 * user, created when the storage is formatted. The broker talks to itself (transaction markers) as
 * that user too: a second user would be one more secret to keep stable across restarts on the same
 * data directory.
 *
 * @param mechanism {@code SCRAM-SHA-512} or {@code SCRAM-SHA-256}
 */
public record SaslSsl(
        String mechanism, String user, String password, DevCertificates certificates) {

    static final String LISTENER = "SASL_SSL";

    public SaslSsl {
        if (!List.of("SCRAM-SHA-256", "SCRAM-SHA-512").contains(mechanism)) {
            throw new IllegalArgumentException(
                    "mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512, got " + mechanism);
        }
        // These end up inside a JAAS line and the formatter's [name=...,password=...] syntax.
        if (user == null || !user.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("user must be [A-Za-z0-9_.-]+, got " + user);
        }
        if (password == null || !password.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("password must be [A-Za-z0-9_.-]+");
        }
    }

    /** The JAAS line a client logs in with. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user
                + "\" password=\""
                + password
                + "\";";
    }

    /** Everything a client needs besides bootstrap servers, as Kafka client properties. */
    public Map<String, String> clientProperties() {
        return Map.of(
                "security.protocol",
                "SASL_SSL",
                "sasl.mechanism",
                mechanism,
                "sasl.jaas.config",
                jaasConfig(),
                "ssl.truststore.location",
                certificates.trustStore().toString(),
                "ssl.truststore.password",
                certificates.password(),
                "ssl.truststore.type",
                DevCertificates.STORE_TYPE);
    }

    /** The formatter's argument that creates the user, as {@code kafka-storage --add-scram}. */
    String scramArgument() {
        return mechanism + "=[name=" + user + ",password=" + password + "]";
    }

    /** The listener's TLS and SASL settings, and its own login as the inter-broker client. */
    Map<String, String> brokerConfig() {
        String prefix = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> cfg = new HashMap<>();
        cfg.put("sasl.enabled.mechanisms", mechanism);
        cfg.put("sasl.mechanism.inter.broker.protocol", mechanism);
        cfg.put(prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", jaasConfig());
        cfg.put("ssl.keystore.location", certificates.keyStore().toString());
        cfg.put("ssl.keystore.password", certificates.password());
        cfg.put("ssl.key.password", certificates.password());
        cfg.put("ssl.keystore.type", DevCertificates.STORE_TYPE);
        cfg.put("ssl.truststore.location", certificates.trustStore().toString());
        cfg.put("ssl.truststore.password", certificates.password());
        cfg.put("ssl.truststore.type", DevCertificates.STORE_TYPE);
        return cfg;
    }

    @Override
    public String toString() {
        return "SaslSsl[" + mechanism + ", user=" + user + ", password=******]";
    }
}
