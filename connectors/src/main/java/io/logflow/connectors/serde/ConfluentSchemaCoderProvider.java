package io.logflow.connectors.serde;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import java.util.Objects;
import org.apache.flink.formats.avro.SchemaCoder;

/**
 * Serializable recipe for a {@link ConfluentSchemaCoder}: Flink ships it to every parallel
 * operator, which then gets a client lazily, after deployment or restore — one per registry
 * configuration and JVM, so every subtask on a TaskManager shares its schema cache.
 */
public final class ConfluentSchemaCoderProvider implements SchemaCoder.SchemaCoderProvider {

    private static final long serialVersionUID = 1L;

    private final RegistryClientConfig config;
    private final String topic;
    private final boolean isKey;

    public ConfluentSchemaCoderProvider(RegistryClientConfig config, String topic, boolean isKey) {
        this.config = Objects.requireNonNull(config, "registry config");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.isKey = isKey;
    }

    @Override
    public SchemaCoder get() {
        return new ConfluentSchemaCoder(RegistryClient.shared(config), topic, isKey);
    }

    public String topic() {
        return topic;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfluentSchemaCoderProvider)) {
            return false;
        }
        ConfluentSchemaCoderProvider other = (ConfluentSchemaCoderProvider) o;
        return isKey == other.isKey && topic.equals(other.topic) && config.equals(other.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, isKey, config);
    }
}
