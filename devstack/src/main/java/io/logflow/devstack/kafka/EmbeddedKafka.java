package io.logflow.devstack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(9092).dataDir(dir).build()) {
 *     kafka.start();
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>The broker keeps its data and cluster id in the data directory, so stopping and starting it
 * again (same instance, or a new one on the same directory) keeps every topic. A port of 0 picks a
 * free port on the first start and keeps it for restarts of the same instance.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLUSTER_ID_FILE = "cluster.id";
    private static final int NODE_ID = 1;

    private final String host;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final Map<String, String> overrides;
    private final Duration startTimeout;
    private final SaslSsl saslSsl;
    private int port;
    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.controllerPort = b.controllerPort;
        this.overrides = Map.copyOf(b.overrides);
        this.startTimeout = b.startTimeout;
        this.saslSsl = b.saslSsl;
        if (b.dataDir != null) {
            this.dataDir = b.dataDir.toAbsolutePath();
            this.deleteDataDirOnClose = false;
        } else {
            try {
                this.dataDir = Files.createTempDirectory("logflow-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
            }
            this.deleteDataDirOnClose = true;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats storage when needed, starts the broker and waits until it serves requests. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        port = port == 0 ? freePort(host) : ensureFree(host, port, "Kafka");
        controllerPort =
                controllerPort == 0
                        ? freePort(host)
                        : ensureFree(host, controllerPort, "Kafka controller");
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            String clusterId = clusterId();
            format(logDir, clusterId);
            KafkaConfig config = new KafkaConfig(brokerConfig(logDir), false);
            KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            awaitReady();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException(
                    "Kafka broker on "
                            + host
                            + ":"
                            + port
                            + " (data "
                            + dataDir
                            + ") did not start: "
                            + e.getMessage(),
                    e);
        }
        LOG.info("Kafka broker ready on {} (data {})", bootstrapServers(), dataDir);
        return this;
    }

    /** Stops the broker but keeps its data, so {@link #start()} brings the same topics back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Client properties pointing at this broker, a start for producers, consumers and admins; with
     * {@link Builder#saslSsl} they log in as its user.
     */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (saslSsl != null) {
            props.putAll(saslSsl.clientProperties());
        }
        return props;
    }

    private Map<String, Object> brokerConfig(Path logDir) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("node.id", String.valueOf(NODE_ID));
        cfg.put("process.roles", "broker,controller");
        // With SASL_SSL the one client port is SASL_SSL only, so no plaintext way to the data is
        // left; the controller listener serves no produce or fetch and stays plaintext.
        String client = saslSsl == null ? "PLAINTEXT" : SaslSsl.LISTENER;
        cfg.put(
                "listeners",
                client
                        + "://"
                        + host
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + host
                        + ":"
                        + controllerPort);
        cfg.put("advertised.listeners", client + "://" + host + ":" + port);
        cfg.put("controller.listener.names", "CONTROLLER");
        cfg.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
        cfg.put("inter.broker.listener.name", client);
        if (saslSsl != null) {
            cfg.putAll(saslSsl.brokerConfig());
        }
        cfg.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        cfg.put("log.dirs", logDir.toString());
        // One node: every internal topic must live with a single replica, or transactions and
        // consumer groups never become available.
        cfg.put("offsets.topic.replication.factor", "1");
        cfg.put("offsets.topic.num.partitions", "4");
        cfg.put("transaction.state.log.replication.factor", "1");
        cfg.put("transaction.state.log.min.isr", "1");
        cfg.put("transaction.state.log.num.partitions", "4");
        cfg.put("share.coordinator.state.topic.replication.factor", "1");
        cfg.put("share.coordinator.state.topic.min.isr", "1");
        cfg.put("group.initial.rebalance.delay.ms", "0");
        cfg.put("num.partitions", "2");
        cfg.put("auto.create.topics.enable", "true");
        // Sized for a 2-core laptop: the cleaner's default 128 MiB dedupe buffer is heap we
        // would rather give to Flink.
        cfg.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        cfg.put("num.network.threads", "2");
        cfg.put("num.io.threads", "4");
        cfg.put("num.recovery.threads.per.data.dir", "1");
        cfg.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        cfg.putAll(overrides);
        return cfg;
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private void format(Path logDir, String clusterId) throws Exception {
        Formatter formatter = new Formatter();
        if (saslSsl != null) {
            // The client port accepts only SCRAM logins, so the first user cannot be created over
            // it: it must already be in the metadata log the broker starts from.
            formatter.setScramArguments(java.util.List.of(saslSsl.scramArgument()));
        }
        formatter
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setIgnoreFormatted(true)
                .run();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Properties props = clientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no broker registered within " + startTimeout);
                }
                Thread.sleep(100);
            }
        }
    }

    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + host, e);
        }
    }

    private static int ensureFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException(
                    what
                            + " port "
                            + port
                            + " on "
                            + host
                            + " is already in use; choose another port or stop what holds it",
                    e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException ignored) {
                                    // Best effort: a leftover temp file is not worth failing over.
                                }
                            });
        } catch (IOException ignored) {
            // Same as above.
        }
    }

    /** Builder for {@link EmbeddedKafka}. */
    public static final class Builder {
        private String host = KafkaMain.HOST.defaultValue();
        private int port = KafkaMain.PORT.defaultValue();
        private int controllerPort = KafkaMain.CONTROLLER_PORT.defaultValue();
        private Path dataDir;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> overrides = new HashMap<>();
        private SaslSsl saslSsl;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The client port; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Kafka port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The KRaft controller port; 0 (default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Where logs and metadata live; default a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Any broker setting, overriding the single-node defaults. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /**
         * Makes the client port SASL_SSL instead of PLAINTEXT; its user is created when the storage
         * is first formatted, so a data directory keeps the user it was formatted with.
         */
        public Builder saslSsl(SaslSsl saslSsl) {
            this.saslSsl = saslSsl;
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
