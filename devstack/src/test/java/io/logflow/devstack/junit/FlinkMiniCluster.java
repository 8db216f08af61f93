package io.logflow.devstack.junit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The Flink MiniCluster every LogFlow test uses: one TaskManager sized for a 2-core machine, and no
 * restarts unless a test asks for them, so failures surface instead of retrying forever.
 *
 * <pre>{@code
 * @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension(2);
 * }</pre>
 *
 * <p>Needs {@code flink-test-utils} on the test classpath of the module that uses it.
 */
public final class FlinkMiniCluster {

    private FlinkMiniCluster() {}

    /** A MiniCluster extension with {@code slots} task slots. */
    public static MiniClusterExtension extension(int slots) {
        return extension(slots, new Configuration());
    }

    /** A MiniCluster extension with {@code slots} task slots and extra configuration. */
    public static MiniClusterExtension extension(int slots, Configuration extra) {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.addAll(extra);
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .setConfiguration(config)
                        .build());
    }
}
