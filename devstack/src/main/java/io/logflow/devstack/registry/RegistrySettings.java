package io.logflow.devstack.registry;

import io.logflow.connectors.Secrets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/** The validated, immutable settings a {@link DevSchemaRegistry} runs with. */
record RegistrySettings(
        String kafkaBootstrap,
        String host,
        int port,
        String topic,
        String basicUser,
        String basicPassword,
        String bearerToken,
        Duration startupTimeout,
        Map<String, String> kafkaProperties,
        SSLContext https) {

    /** Plain HTTP, and Kafka reached with nothing but its bootstrap servers. */
    RegistrySettings(
            String kafkaBootstrap,
            String host,
            int port,
            String topic,
            String basicUser,
            String basicPassword,
            String bearerToken,
            Duration startupTimeout) {
        this(
                kafkaBootstrap,
                host,
                port,
                topic,
                basicUser,
                basicPassword,
                bearerToken,
                startupTimeout,
                Map.of(),
                null);
    }

    /** Settings for one of the registry's Kafka clients. */
    Properties kafkaClient(String clientId) {
        Properties props = new Properties();
        props.putAll(kafkaProperties);
        props.put("bootstrap.servers", kafkaBootstrap);
        props.put("client.id", clientId);
        return props;
    }

    RequestAuthenticator authenticator() {
        return new RequestAuthenticator(basicUser, basicPassword, bearerToken);
    }

    /** The effective settings with secrets masked, fit for a startup log line. */
    @Override
    public String toString() {
        return "kafkaBootstrap="
                + kafkaBootstrap
                + ", host="
                + host
                + ", port="
                + port
                + ", topic="
                + topic
                + ", basicAuth="
                + (basicUser == null ? "off" : basicUser + ":****")
                + ", bearerToken="
                + (bearerToken == null ? "off" : "****")
                + ", https="
                + (https == null ? "off" : "on")
                + (kafkaProperties.isEmpty() ? "" : ", kafkaProperties=" + maskedKafkaProperties());
    }

    private Map<String, String> maskedKafkaProperties() {
        Map<String, String> shown = new TreeMap<>();
        kafkaProperties.forEach((k, v) -> shown.put(k, Secrets.mask(k, v)));
        return shown;
    }
}
