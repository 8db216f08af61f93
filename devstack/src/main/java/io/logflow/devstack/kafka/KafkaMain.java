package io.logflow.devstack.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKafka} broker as a program until SIGTERM or Ctrl-C: {@code --port N
 * --data-dir DIR [--host H] [--controller-port N]}. Prints {@code KAFKA_READY <bootstrap>} once the
 * broker serves requests, which {@link KafkaProcess} waits for.
 */
public final class KafkaMain {

    static final String READY_MARKER = "KAFKA_READY ";

    private KafkaMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka.Builder builder = EmbeddedKafka.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                fail("Missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--port":
                    builder.port(parsePort(flag, value));
                    break;
                case "--controller-port":
                    builder.controllerPort(parsePort(flag, value));
                    break;
                case "--host":
                    builder.host(value);
                    break;
                case "--data-dir":
                    builder.dataDir(Path.of(value));
                    break;
                default:
                    fail(
                            "Unknown option "
                                    + flag
                                    + " (known: --port, --controller-port, --host,"
                                    + " --data-dir)");
            }
        }
        EmbeddedKafka kafka = builder.build();
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

    private static int parsePort(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail(flag + " needs a number, got '" + value + "'");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("kafka: " + message);
        System.exit(2);
    }
}
