package io.logflow.devstack.kafka;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Runs an {@link EmbeddedKafka} broker as a program until SIGTERM or Ctrl-C, configured by the
 * options below. Prints {@code KAFKA_READY <bootstrap>} once the broker serves requests, which
 * {@link KafkaProcess} waits for.
 */
public final class KafkaMain {

    static final String READY_MARKER = "KAFKA_READY ";

    static final ConfigOption<Integer> PORT =
            key("port")
                    .intType()
                    .defaultValue(0)
                    .withDescription("Client port; 0 picks a free one.");
    static final ConfigOption<Integer> CONTROLLER_PORT =
            key("controller-port")
                    .intType()
                    .defaultValue(0)
                    .withDescription("KRaft controller port; 0 picks a free one.");
    static final ConfigOption<String> HOST =
            key("host").stringType().defaultValue("127.0.0.1").withDescription("Address to bind.");
    static final ConfigOption<String> DATA_DIR =
            key("data-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Where logs and metadata live; default: a temporary directory deleted"
                                    + " on close.");

    static final ToolArgs ARGS = ToolArgs.of("KafkaMain", PORT, CONTROLLER_PORT, HOST, DATA_DIR);

    private KafkaMain() {}

    /**
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static EmbeddedKafka.Builder parse(String[] args) {
        Configuration conf = ARGS.parse(args);
        EmbeddedKafka.Builder builder =
                EmbeddedKafka.builder()
                        .port(conf.get(PORT))
                        .controllerPort(conf.get(CONTROLLER_PORT))
                        .host(conf.get(HOST));
        conf.getOptional(DATA_DIR).ifPresent(dir -> builder.dataDir(Path.of(dir)));
        return builder;
    }

    public static void main(String[] args) throws InterruptedException {
        if (ToolArgs.wantsHelp(args)) {
            System.out.println(ARGS.usage());
            return;
        }
        EmbeddedKafka kafka;
        try {
            kafka = parse(args).build();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage() + "\n" + ARGS.usage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    kafka.close();
                                    stopped.countDown();
                                },
                                "kafka-shutdown"));
        try {
            kafka.start();
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }
        System.out.println(READY_MARKER + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("kafka: " + message);
        System.exit(2);
    }
}
