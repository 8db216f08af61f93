package io.logflow.cli;

import io.logflow.metrics.LoopbackPrometheusReporterFactory;
import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this JVM with the web UI, sized for a laptop; jobs are submitted to it
 * through its REST endpoint exactly as to a real cluster.
 */
final class LocalFlink implements AutoCloseable {

    private final MiniCluster cluster;
    private final URI restAddress;

    private LocalFlink(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    /** Starts a MiniCluster with {@code slots} slots, its REST API and web UI on {@code port}. */
    static LocalFlink start(String host, int port, int slots, Path tmpDir) throws Exception {
        return start(host, port, -1, slots, tmpDir);
    }

    /**
     * The same, with Flink's Prometheus reporter on {@code host} and {@code metricsPort} (0: a free
     * one; negative: none).
     */
    static LocalFlink start(String host, int port, int metricsPort, int slots, Path tmpDir)
            throws Exception {
        Configuration conf = new Configuration();
        if (metricsPort >= 0) {
            prometheusReporter(conf, host, String.valueOf(metricsPort));
        }
        conf.set(RestOptions.ADDRESS, host);
        conf.set(RestOptions.BIND_ADDRESS, host);
        conf.set(RestOptions.PORT, port);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        conf.set(WebOptions.SUBMIT_ENABLE, false);
        conf.setString("io.tmp.dirs", tmpDir.toString());
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        return new LocalFlink(cluster, cluster.getRestAddress().get());
    }

    /**
     * Adds LogFlow's Prometheus reporter, which binds {@code host} only (Flink's own binds every
     * interface), on the first free port of {@code ports}.
     */
    static void prometheusReporter(Configuration conf, String host, String ports) {
        String prefix = "metrics.reporter.prom.";
        conf.setString(prefix + "factory.class", LoopbackPrometheusReporterFactory.class.getName());
        conf.setString(prefix + LoopbackPrometheusReporterFactory.ARG_HOST, host);
        conf.setString(prefix + LoopbackPrometheusReporterFactory.ARG_PORT, ports);
    }

    /** The web UI and REST API, e.g. http://127.0.0.1:8081. */
    String url() {
        return "http://" + restAddress.getHost() + ":" + restAddress.getPort();
    }

    /** An environment that submits to this cluster like {@code flink run} would. */
    StreamExecutionEnvironment environment() {
        return StreamExecutionEnvironment.createRemoteEnvironment(
                restAddress.getHost(), restAddress.getPort(), new Configuration());
    }

    /** The job's status and its latest failure's innermost cause, for {@link JobWatcher}. */
    JobWatcher.Snapshot snapshot(JobID job) throws Exception {
        AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
        ErrorInfo failure = graph.getFailureInfo();
        if (failure == null) {
            return new JobWatcher.Snapshot(graph.getState(), 0, null);
        }
        Throwable root = failure.getException();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new JobWatcher.Snapshot(graph.getState(), failure.getTimestamp(), root.toString());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
