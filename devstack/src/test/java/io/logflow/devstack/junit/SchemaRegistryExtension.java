package io.logflow.devstack.junit;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.devstack.registry.DevSchemaRegistryBuilder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real {@link DevSchemaRegistry} on the broker of a {@link KafkaExtension}, once per test
 * class. Register it after the Kafka extension ({@code @Order}).
 *
 * <pre>{@code
 * @RegisterExtension @Order(1) static final KafkaExtension KAFKA = new KafkaExtension();
 * @RegisterExtension @Order(2) static final SchemaRegistryExtension REGISTRY =
 *         new SchemaRegistryExtension(KAFKA);
 * }</pre>
 */
public final class SchemaRegistryExtension implements BeforeAllCallback, AfterAllCallback {

    private final KafkaExtension kafka;
    private final UnaryOperator<DevSchemaRegistryBuilder> customizer;
    private DevSchemaRegistry registry;

    public SchemaRegistryExtension(KafkaExtension kafka) {
        this(kafka, UnaryOperator.identity());
    }

    /** With {@code customizer} adjusting the registry, e.g. to require basic auth. */
    public SchemaRegistryExtension(
            KafkaExtension kafka, UnaryOperator<DevSchemaRegistryBuilder> customizer) {
        this.kafka = kafka;
        this.customizer = customizer;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts a new registry process on the same broker and topic, as after a restart. */
    public void start() {
        if (registry == null) {
            registry =
                    customizer
                            .apply(
                                    DevSchemaRegistry.builder()
                                            .kafkaBootstrap(kafka.bootstrapServers())
                                            // A SASL_SSL broker's login carries over.
                                            .kafkaProperties(kafka.clientProperties()))
                            .build();
            registry.start();
        }
    }

    /** Stops the registry; its schemas stay in Kafka. */
    public void stop() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    public DevSchemaRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("The schema registry is not running");
        }
        return registry;
    }

    public String url() {
        return registry().url();
    }

    /** A client config for this registry with short retries, so failing tests fail fast. */
    public RegistryClientConfig.Builder clientConfig() {
        return RegistryClientConfig.builder(url())
                .maxAttempts(3)
                .backoff(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(500));
    }
}
