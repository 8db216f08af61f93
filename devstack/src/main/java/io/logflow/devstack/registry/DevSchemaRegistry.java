package io.logflow.devstack.registry;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development schema registry that speaks the subset of Confluent Schema Registry's REST API its
 * clients use, and keeps schemas in a compacted Kafka topic in Confluent's record format.
 *
 * <pre>{@code
 * try (DevSchemaRegistry registry =
 *         DevSchemaRegistry.builder().kafkaBootstrap("localhost:9092").port(0).build()) {
 *     registry.start();
 *     String url = registry.url(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class DevSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevSchemaRegistry.class);
    // Writes serialise on one lock; the extra threads keep reads answering while a write waits
    // for Kafka.
    private static final int HTTP_THREADS = 8;

    private final RegistrySettings config;
    private HttpServer server;
    private ExecutorService executor;
    private KafkaSchemaLog log;
    private boolean closed;

    DevSchemaRegistry(RegistrySettings config) {
        this.config = config;
    }

    public static DevSchemaRegistryBuilder builder() {
        return new DevSchemaRegistryBuilder();
    }

    /** Starts from {@link RegistryArgs} ({@code --kafka host:port ...}); stops on SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        if (ToolArgs.wantsHelp(args)) {
            System.out.println(RegistryArgs.ARGS.usage());
            return;
        }
        DevSchemaRegistry registry;
        try {
            registry = RegistryArgs.parse(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + RegistryArgs.ARGS.usage());
            System.exit(2);
            return;
        }
        System.out.println("Starting dev schema registry: " + registry.config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    registry.close();
                                    stopped.countDown();
                                },
                                "dev-schema-registry-shutdown"));
        try {
            registry.start();
        } catch (IllegalStateException e) {
            // A taken port or unreachable Kafka: the message says which, a trace adds nothing.
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("Dev schema registry listening on " + registry.url());
        // HTTP threads are daemons, so main must stay alive until the shutdown hook runs.
        stopped.await();
    }

    /**
     * Creates the schema topic if needed, replays it, then serves; returns once requests are
     * accepted.
     *
     * @throws IllegalStateException if the port is taken or Kafka cannot be reached in time
     */
    public synchronized DevSchemaRegistry start() {
        if (closed || server != null) {
            throw new IllegalStateException("A DevSchemaRegistry can be started only once");
        }
        // Bind before touching Kafka: a taken port fails fast, and no request can arrive
        // before the replay is complete because the server is not started until then.
        HttpServer http = bind();
        SchemaStore store = new SchemaStore();
        try {
            log =
                    KafkaSchemaLog.open(
                            config,
                            config.startupTimeout(),
                            record -> store.apply(canonicalised(record)));
        } catch (RuntimeException e) {
            http.stop(0);
            throw e;
        }
        LogWriter writer = new LogWriter(log, store);
        RegistryRoutes routes =
                new RegistryRoutes(
                        new RegistryResources(
                                new SchemaService(store, writer),
                                new ConfigService(store, writer),
                                new DeleteService(store, writer)));
        executor = Executors.newFixedThreadPool(HTTP_THREADS, new DaemonThreads());
        http.setExecutor(executor);
        http.createContext("/", new RegistryHttpHandler(routes, config.authenticator()));
        http.start();
        server = http;
        LOG.info("Dev schema registry listening on {} ({})", url(), config);
        return this;
    }

    private HttpServer bind() {
        try {
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            if (config.https() == null) {
                return HttpServer.create(address, 0);
            }
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(config.https()));
            return https;
        } catch (BindException e) {
            throw new IllegalStateException(
                    "Cannot start the dev schema registry: port "
                            + config.port()
                            + " on "
                            + config.host()
                            + " is already in use",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    // Schemas written by other tools may not be in canonical form; compare like with like.
    private static SchemaLogRecord canonicalised(SchemaLogRecord record) {
        if (record instanceof SchemaUpdate update && update.entry() != null) {
            SchemaEntry e = update.entry();
            String canonical = AvroSchemas.canonicalOrSelf(e.schema());
            return new SchemaUpdate(
                    update.subject(),
                    update.version(),
                    new SchemaEntry(e.subject(), e.version(), e.id(), canonical, e.deleted()));
        }
        return record;
    }

    RegistrySettings settings() {
        return config;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8085} or {@code https://...}. */
    public String url() {
        String host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host();
        return (config.https() == null ? "http" : "https") + "://" + host + ":" + port();
    }

    /** The port listened on; the chosen one when built with port 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The dev schema registry is not running");
        }
        return server.getAddress().getPort();
    }

    /** Stops serving at once and closes the Kafka clients; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (log != null) {
            log.close();
        }
        LOG.info("Dev schema registry stopped");
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "dev-schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
