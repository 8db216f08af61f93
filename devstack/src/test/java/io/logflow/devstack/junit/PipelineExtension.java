package io.logflow.devstack.junit;

import org.apache.flink.configuration.Configuration;
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
 *
 * <p>A test that runs no Flink job in its JVM takes {@link #withoutFlink()}; one that reads the
 * job's metrics passes the reporter's configuration to {@link #PipelineExtension(int,
 * Configuration)}.
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
        this(FlinkMiniCluster.extension(slots));
    }

    /** With {@code slots} task slots and {@code extra} configuration, e.g. a metrics reporter. */
    public PipelineExtension(int slots, Configuration extra) {
        this(FlinkMiniCluster.extension(slots, extra));
    }

    private PipelineExtension(MiniClusterExtension flink) {
        this.flink = flink;
    }

    // No MiniClusterExtension in the signature: a module without flink-test-utils can use this.
    private PipelineExtension() {
        this.flink = null;
    }

    /** The broker and the registry only. */
    public static PipelineExtension withoutFlink() {
        return new PipelineExtension();
    }

    public KafkaExtension kafka() {
        return kafka;
    }

    public SchemaRegistryExtension registry() {
        return registry;
    }

    public MiniClusterExtension flink() {
        if (flink == null) {
            throw new IllegalStateException("This PipelineExtension starts no MiniCluster");
        }
        return flink;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka.beforeAll(context);
        registry.beforeAll(context);
        if (flink != null) {
            flink.beforeAll(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (flink != null) {
                flink.afterAll(context);
            }
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
        if (flink != null) {
            flink.beforeEach(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (flink != null) {
            flink.afterEach(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return flink != null && flink.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return flink.resolveParameter(parameter, context);
    }
}
