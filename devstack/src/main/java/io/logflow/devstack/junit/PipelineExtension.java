package io.logflow.devstack.junit;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Kafka broker, the dev schema registry on it and a Flink MiniCluster, started in that order
 * once per test class and stopped in reverse: the preamble of every pipeline ITCase in one field.
 * Resolves what {@link MiniClusterExtension} resolves ({@code @InjectClusterClient}, ...).
 *
 * <pre>{@code
 * @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
 * static final KafkaExtension KAFKA = STACK.kafka();
 * static final SchemaRegistryExtension REGISTRY = STACK.registry();
 * }</pre>
 */
public final class PipelineExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {

    private final KafkaExtension kafka = new KafkaExtension();
    private final SchemaRegistryExtension registry = new SchemaRegistryExtension(kafka);
    private final MiniClusterExtension flink;

    /** With {@code slots} task slots in the MiniCluster. */
    public PipelineExtension(int slots) {
        this.flink = FlinkMiniCluster.extension(slots);
    }

    public KafkaExtension kafka() {
        return kafka;
    }

    public SchemaRegistryExtension registry() {
        return registry;
    }

    public MiniClusterExtension flink() {
        return flink;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka.beforeAll(context);
        registry.beforeAll(context);
        flink.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            flink.afterAll(context);
        } finally {
            try {
                registry.afterAll(context);
            } finally {
                kafka.afterAll(context);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        flink.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        flink.afterEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return flink.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return flink.resolveParameter(parameter, context);
    }
}
