package io.logflow.connectors.registry;

import io.logflow.connectors.Secrets;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link RegistryClient} needs to reach a Confluent-compatible schema registry.
 * Serializable, so Flink can ship it to every parallel operator.
 *
 * <pre>{@code
 * RegistryClientConfig config = RegistryClientConfig.builder("http://localhost:8085")
 *         .basicAuth("user", "secret")
 *         .autoRegister(false)
 *         .build();
 * }</pre>
 *
 * <p>{@link #fromProperties(Map)} reads Confluent's own property names ({@code
 * schema.registry.url}, {@code basic.auth.user.info}, ...), so existing client configs carry over.
 */
public final class RegistryClientConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> urls;
    private final String basicAuthUser;
    private final String basicAuthPassword;
    private final String bearerToken;
    private final String trustStorePath;
    private final String trustStorePassword;
    private final String trustStoreType;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int subjectCacheCapacity;
    private final boolean autoRegister;
    private final SubjectNameStrategy subjectNameStrategy;

    private RegistryClientConfig(Builder b) {
        this.urls = List.copyOf(b.urls);
        this.basicAuthUser = b.basicAuthUser;
        this.basicAuthPassword = b.basicAuthPassword;
        this.bearerToken = b.bearerToken;
        this.trustStorePath = b.trustStorePath;
        this.trustStorePassword = b.trustStorePassword;
        this.trustStoreType = b.trustStoreType;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.subjectCacheCapacity = b.subjectCacheCapacity;
        this.autoRegister = b.autoRegister;
        this.subjectNameStrategy = b.subjectNameStrategy;
    }

    /** A builder for one or more comma-separated registry URLs. */
    public static Builder builder(String urls) {
        return new Builder(urls);
    }

    /**
     * Reads Confluent client property names: {@code schema.registry.url}, {@code
     * basic.auth.credentials.source} + {@code basic.auth.user.info}, {@code bearer.auth.token},
     * {@code schema.registry.ssl.truststore.location|password|type}, {@code auto.register.schemas},
     * {@code value.subject.name.strategy}, {@code max.schemas.per.subject}.
     */
    public static RegistryClientConfig fromProperties(Map<String, String> props) {
        String url = props.get("schema.registry.url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Missing required property 'schema.registry.url'");
        }
        Builder b = builder(url);
        String userInfo = props.get("basic.auth.user.info");
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "'basic.auth.user.info' must be 'user:password'");
            }
            b.basicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }
        String token = props.get("bearer.auth.token");
        if (token != null && !token.isEmpty()) {
            b.bearerToken(token);
        }
        String trustStore = props.get("schema.registry.ssl.truststore.location");
        if (trustStore != null && !trustStore.isEmpty()) {
            b.trustStore(
                    trustStore,
                    props.getOrDefault("schema.registry.ssl.truststore.password", ""),
                    props.getOrDefault("schema.registry.ssl.truststore.type", "PKCS12"));
        }
        if (props.containsKey("auto.register.schemas")) {
            b.autoRegister(Boolean.parseBoolean(props.get("auto.register.schemas")));
        }
        if (props.containsKey("value.subject.name.strategy")) {
            b.subjectNameStrategy(
                    SubjectNameStrategy.parse(props.get("value.subject.name.strategy")));
        }
        if (props.containsKey("max.schemas.per.subject")) {
            b.subjectCacheCapacity(Integer.parseInt(props.get("max.schemas.per.subject")));
        }
        return b.build();
    }

    public List<String> urls() {
        return urls;
    }

    public String basicAuthUser() {
        return basicAuthUser;
    }

    public String basicAuthPassword() {
        return basicAuthPassword;
    }

    public String bearerToken() {
        return bearerToken;
    }

    public String trustStorePath() {
        return trustStorePath;
    }

    public String trustStorePassword() {
        return trustStorePassword;
    }

    public String trustStoreType() {
        return trustStoreType;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public int subjectCacheCapacity() {
        return subjectCacheCapacity;
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public SubjectNameStrategy subjectNameStrategy() {
        return subjectNameStrategy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegistryClientConfig)) {
            return false;
        }
        return fields().equals(((RegistryClientConfig) o).fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    private List<Object> fields() {
        return java.util.Arrays.asList(
                urls,
                basicAuthUser,
                basicAuthPassword,
                bearerToken,
                trustStorePath,
                trustStorePassword,
                trustStoreType,
                connectTimeout,
                requestTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                subjectCacheCapacity,
                autoRegister,
                subjectNameStrategy);
    }

    @Override
    public String toString() {
        // Secrets masked: this string is printed with the effective configuration.
        return "RegistryClientConfig{urls="
                + urls
                + (basicAuthUser != null ? ", basicAuth=" + basicAuthUser + ":******" : "")
                + (bearerToken != null ? ", bearerToken=******" : "")
                + (trustStorePath != null ? ", trustStore=" + trustStorePath : "")
                + ", connectTimeout="
                + connectTimeout
                + ", requestTimeout="
                + requestTimeout
                + ", maxAttempts="
                + maxAttempts
                + ", autoRegister="
                + autoRegister
                + ", subjectNameStrategy="
                + subjectNameStrategy
                + "}";
    }

    /** Builder for {@link RegistryClientConfig}; defaults suit a registry on the same network. */
    public static final class Builder {
        private final List<String> urls = new ArrayList<>();
        private String basicAuthUser;
        private String basicAuthPassword;
        private String bearerToken;
        private String trustStorePath;
        private String trustStorePassword;
        private String trustStoreType = "PKCS12";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int subjectCacheCapacity = 1000;
        private boolean autoRegister = true;
        private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_NAME;

        private Builder(String urls) {
            if (urls == null || urls.isBlank()) {
                throw new IllegalArgumentException("Schema registry URL must not be empty");
            }
            for (String url : urls.split(",")) {
                String trimmed = url.trim();
                while (trimmed.endsWith("/")) {
                    trimmed = trimmed.substring(0, trimmed.length() - 1);
                }
                String shown = Secrets.maskUrls(trimmed);
                URI uri;
                try {
                    uri = URI.create(trimmed);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "Invalid schema registry URL '"
                                    + shown
                                    + "': "
                                    + Secrets.maskUrls(e.getMessage()));
                }
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException(
                            "Schema registry URL '"
                                    + shown
                                    + "' must start with http:// or https://");
                }
                if (uri.getRawUserInfo() != null) {
                    // user:password@ in the URL is basic auth, as Confluent's clients take it
                    // (credentials source URL); it is kept out of the URL, so no log, error or
                    // toString can show it.
                    String info = uri.getUserInfo();
                    int colon = info.indexOf(':');
                    if (basicAuthUser == null) {
                        basicAuthUser = colon < 0 ? info : info.substring(0, colon);
                        basicAuthPassword = colon < 0 ? "" : info.substring(colon + 1);
                    }
                    trimmed = trimmed.replace(uri.getRawUserInfo() + "@", "");
                }
                this.urls.add(trimmed);
            }
        }

        public Builder basicAuth(String user, String password) {
            this.basicAuthUser = user;
            this.basicAuthPassword = password;
            return this;
        }

        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        /** A trust store (PKCS12 or JKS) holding the registry's CA, for TLS. */
        public Builder trustStore(String path, String password, String type) {
            this.trustStorePath = path;
            this.trustStorePassword = password;
            this.trustStoreType = type;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Attempts per call, counting the first; retries on 5xx and connection errors only. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How many (subject, schema) to id mappings the client remembers. */
        public Builder subjectCacheCapacity(int capacity) {
            this.subjectCacheCapacity = capacity;
            return this;
        }

        /** False: only look schemas up, never register them (for locked-down registries). */
        public Builder autoRegister(boolean autoRegister) {
            this.autoRegister = autoRegister;
            return this;
        }

        public Builder subjectNameStrategy(SubjectNameStrategy strategy) {
            this.subjectNameStrategy = strategy;
            return this;
        }

        public RegistryClientConfig build() {
            if (basicAuthUser != null && bearerToken != null) {
                throw new IllegalArgumentException(
                        "Set either basic auth or a bearer token for the schema registry, not"
                                + " both");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            }
            if (subjectCacheCapacity < 1) {
                throw new IllegalArgumentException(
                        "subjectCacheCapacity must be >= 1, got " + subjectCacheCapacity);
            }
            if (trustStorePath != null && !urls.stream().allMatch(u -> u.startsWith("https"))) {
                throw new IllegalArgumentException(
                        "A trust store is set but a schema registry URL is not https: " + urls);
            }
            return new RegistryClientConfig(this);
        }
    }
}
