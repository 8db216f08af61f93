package io.logflow.devstack.kafka;

import io.logflow.connectors.config.OptionArgs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker in a child JVM ({@link KafkaMain} on this JVM's classpath), for users who
 * want the broker isolated from the job's heap, or to kill it like a real outage.
 *
 * <pre>{@code
 * try (KafkaProcess kafka = KafkaProcess.start(9092, dataDir, Duration.ofSeconds(60))) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class KafkaProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private KafkaProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker and returns once it serves requests; its output goes to {@code
     * dataDir/kafka.log}.
     */
    public static KafkaProcess start(int port, Path dataDir, Duration timeout) throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("kafka.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KafkaMain.class.getName());
        command.addAll(
                new OptionArgs()
                        .set(KafkaMain.PORT, port)
                        .set(KafkaMain.DATA_DIR, dataDir.toString())
                        .list());
        Process process =
                new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, log, ready), "kafka-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new KafkaProcess(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while starting Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String cause =
                    e instanceof TimeoutException
                            ? "not ready after " + timeout
                            : e.getCause().getMessage();
            throw new IOException(
                    "Kafka broker process did not start: "
                            + cause
                            + lastLines(log)
                            + " (see "
                            + log
                            + ")",
                    e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(KafkaMain.READY_MARKER)) {
                    ready.complete(line.substring(KafkaMain.READY_MARKER.length()).trim());
                }
                Files.writeString(
                        log,
                        line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(
                new IOException("the process exited with code " + exitCode(process)));
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return tail.isEmpty() ? "" : "; last output: " + String.join(" | ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private static String exitCode(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the broker without a clean shutdown, like a crashed machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the broker with SIGTERM, waiting for its clean shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
