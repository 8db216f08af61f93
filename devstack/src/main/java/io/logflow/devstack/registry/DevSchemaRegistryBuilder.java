package io.logflow.devstack.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/** Builds a {@link DevSchemaRegistry}; only the Kafka bootstrap servers are required. */
public final class DevSchemaRegistryBuilder {

    private String kafkaBootstrap;
    private String host;
    private int port;
    private String topic;
    private String basicUser;
    private String basicPassword;
    private String bearerToken;
    private Duration startupTimeout;
    private final Map<String, String> kafkaProperties = new HashMap<>();
    private SSLContext https;

    DevSchemaRegistryBuilder() {
        this.host = RegistryArgs.HOST.defaultValue();
        this.port = 0;
        this.topic = RegistryArgs.TOPIC.defaultValue();
        this.startupTimeout = Duration.ofSeconds(30);
    }

    /** Kafka's bootstrap servers, {@code host:port[,host:port]}; required. */
    public DevSchemaRegistryBuilder kafkaBootstrap(String kafkaBootstrap) {
        this.kafkaBootstrap = kafkaBootstrap;
        return this;
    }

    /** The address to listen on; {@code 127.0.0.1} by default. */
    public DevSchemaRegistryBuilder host(String host) {
        this.host = host;
        return this;
    }

    /** The port to listen on; 0, the default, picks a free one. */
    public DevSchemaRegistryBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** The compacted topic schemas are kept in; {@code _schemas} by default, as in Confluent. */
    public DevSchemaRegistryBuilder topic(String topic) {
        this.topic = topic;
        return this;
    }

    /** Requires HTTP basic auth with these credentials (a bearer token also works if set). */
    public DevSchemaRegistryBuilder basicAuth(String user, String password) {
        this.basicUser = user;
        this.basicPassword = password;
        return this;
    }

    /** Requires {@code Authorization: Bearer <token>} (basic auth also works if set). */
    public DevSchemaRegistryBuilder bearerToken(String token) {
        this.bearerToken = token;
        return this;
    }

    /**
     * Kafka client settings for the registry's own clients (e.g. {@code security.protocol}, {@code
     * sasl.jaas.config}), so it can keep its schemas on a secured broker; {@code bootstrap.servers}
     * and {@code client.id} are the registry's own and ignored here.
     */
    public DevSchemaRegistryBuilder kafkaProperties(Properties properties) {
        properties.forEach((k, v) -> kafkaProperties.put(k.toString(), v.toString()));
        kafkaProperties.remove("bootstrap.servers");
        kafkaProperties.remove("client.id");
        return this;
    }

    /** Serves HTTPS with {@code context} (its key manager presents the certificate), not HTTP. */
    public DevSchemaRegistryBuilder https(SSLContext context) {
        this.https = context;
        return this;
    }

    /** How long {@link DevSchemaRegistry#start()} may take to reach Kafka and replay the topic. */
    public DevSchemaRegistryBuilder startupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the property that is missing or invalid
     */
    public DevSchemaRegistry build() {
        require(kafkaBootstrap != null && !kafkaBootstrap.isBlank(), "kafkaBootstrap must be set");
        require(host != null && !host.isBlank(), "host must be set");
        require(port >= 0 && port <= 65535, "port must be between 0 and 65535 but is " + port);
        require(topic != null && !topic.isBlank(), "topic must be set");
        require(
                basicUser == null || (!basicUser.contains(":") && basicPassword != null),
                "basicAuth needs a user without ':' and a non-null password");
        require(bearerToken == null || !bearerToken.isBlank(), "bearerToken must not be blank");
        require(
                startupTimeout != null && !startupTimeout.isNegative() && !startupTimeout.isZero(),
                "startupTimeout must be positive");
        require(
                isLoopback(host) || basicUser != null || bearerToken != null,
                "The dev schema registry would listen on "
                        + host
                        + ", which is not a loopback address, without authentication: set"
                        + " basicAuth or bearerToken (--basic-auth user:password or --bearer-token"
                        + " TOKEN), or bind 127.0.0.1");
        return new DevSchemaRegistry(
                new RegistrySettings(
                        kafkaBootstrap,
                        host,
                        port,
                        topic,
                        basicUser,
                        basicPassword,
                        bearerToken,
                        startupTimeout,
                        Map.copyOf(kafkaProperties),
                        https));
    }

    /** Loopback names and addresses; a host name is not resolved, so only these count. */
    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost")
                || h.startsWith("127.")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
