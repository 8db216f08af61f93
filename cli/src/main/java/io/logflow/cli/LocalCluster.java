package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.metrics.LoopbackPrometheusReporterFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink 2.2 standalone session cluster on this machine: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) as separate
 * JVMs on Flink's jars only (module flink-local), with {@code config.yaml}, the web UI and logs
 * under {@code <data>/cluster}. Jobs reach it the way they reach any cluster: {@code flink run}
 * ({@code CliFrontend}) or the REST API.
 */
public final class LocalCluster {

    static final String ENTRYPOINT =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String CLI_FRONTEND = "org.apache.flink.client.cli.CliFrontend";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /**
     * Ports of the Prometheus reporters: each process takes the first free one (normally the
     * JobManager 9249, the TaskManager 9250), so a demo or a second TaskManager never collides.
     */
    static final String METRICS_PORTS =
            Defaults.FLINK_METRICS_PORT + "-" + (Defaults.FLINK_METRICS_PORT + 9);

    private final Path home;
    private final Path dir;
    private final int restPort;
    private final int rpcPort;

    /** A cluster of the LogFlow checkout at {@code home}, with its files under {@code dir}. */
    public LocalCluster(Path home, Path dir, int restPort, int rpcPort) {
        this.home = home;
        this.dir = dir;
        this.restPort = restPort;
        this.rpcPort = rpcPort;
    }

    public String restUrl() {
        return "http://localhost:" + restPort;
    }

    public Path confDir() {
        return dir.resolve("conf");
    }

    /** Writes the config, starts the JobManager and one TaskManager, waits until it is ready. */
    public void start(Duration timeout) throws Exception {
        Files.createDirectories(confDir());
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(confDir().resolve("config.yaml"), config());
        Files.writeString(confDir().resolve("log4j.properties"), log4j());
        String cp = flinkClasspath();
        launch("jobmanager", ENTRYPOINT, resourceParams(cp, "GET_JM_RESOURCE_PARAMS"), cp);
        awaitRest(timeout);
        launch("taskmanager", TASK_MANAGER, resourceParams(cp, "GET_TM_RESOURCE_PARAMS"), cp);
        awaitTaskManagers(1, timeout);
    }

    /** Stops both processes (SIGTERM, then SIGKILL after 20 s). */
    public void stop() throws Exception {
        for (String role : List.of("taskmanager", "jobmanager")) {
            Optional<ProcessHandle> p = process(role);
            if (p.isPresent()) {
                p.get().destroy();
                try {
                    p.get().onExit().get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    p.get().destroyForcibly();
                }
            }
            Files.deleteIfExists(dir.resolve(role + ".pid"));
        }
    }

    /** The running process of {@code role} (jobmanager or taskmanager), if any. */
    public Optional<ProcessHandle> process(String role) throws IOException {
        Path pidFile = dir.resolve(role + ".pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** Whether a JobManager or TaskManager started with its files in {@code dir} still runs. */
    public static boolean runningFrom(Path dir) throws IOException {
        LocalCluster cluster = new LocalCluster(dir, dir, 0, 0);
        return cluster.process("jobmanager").isPresent()
                || cluster.process("taskmanager").isPresent();
    }

    /** Starts another TaskManager, e.g. after one was killed. */
    public void startTaskManager() throws Exception {
        String cp = flinkClasspath();
        launch("taskmanager", TASK_MANAGER, resourceParams(cp, "GET_TM_RESOURCE_PARAMS"), cp);
    }

    /** The shaded jobs jar that {@code mvn package} builds in the checkout at {@code home}. */
    public static Path jobsJar(Path home) {
        return home.resolve("jobs/target/logflow-jobs-0.1.0-SNAPSHOT-flink.jar");
    }

    /**
     * {@code flink run -d <jar> <args>} through Flink's own CLI; returns its output. Gives up after
     * {@code timeout}: the output goes to a file, so a client that hangs cannot block us.
     */
    public String submit(Path jar, List<String> args, Duration timeout) throws Exception {
        return submit(jar, List.of(), args, timeout);
    }

    /**
     * {@code flink run -d <flinkOptions> <jar> <args>}, e.g. with {@code -s <savepoint>} and {@code
     * -p 2} for an upgrade.
     */
    public String submit(Path jar, List<String> flinkOptions, List<String> args, Duration timeout)
            throws Exception {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(List.of("-cp", flinkClasspath(), CLI_FRONTEND, "run", "-d"));
        cmd.addAll(List.of("-m", "localhost:" + restPort));
        cmd.addAll(flinkOptions);
        cmd.add(jar.toString());
        cmd.addAll(args);
        Files.createDirectories(dir.resolve("log"));
        Path log = dir.resolve("log").resolve("flink-run.out");
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("FLINK_CONF_DIR", confDir().toString());
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!done || p.exitValue() != 0) {
            throw new CliException(
                    "flink run "
                            + (done ? "failed" : "did not finish within " + timeout)
                            + ":\n"
                            + out);
        }
        return out;
    }

    /** GET on the REST API, as text. */
    public String rest(String path) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(restUrl() + path))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private void launch(String role, String mainClass, String[] params, String cp)
            throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(Arrays.asList(params[0].trim().split("\\s+")));
        Path log = dir.resolve("log").resolve(role + ".log");
        cmd.add("-Dlog.file=" + log);
        cmd.add("-Dlog4j.configurationFile=" + confDir().resolve("log4j.properties").toUri());
        cmd.addAll(List.of("-cp", cp, mainClass, "--configDir", confDir().toString()));
        cmd.addAll(Arrays.asList(params[1].trim().split("\\s+")));
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("log").resolve(role + ".out").toFile())
                        .start();
        Files.writeString(dir.resolve(role + ".pid"), String.valueOf(p.pid()));
    }

    private String[] resourceParams(String cp, String which) throws Exception {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(
                List.of(
                        "-cp",
                        cp,
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        which,
                        "--configDir",
                        confDir().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> lines =
                out.lines()
                        .filter(l -> l.startsWith(RESULT_PREFIX))
                        .map(l -> l.substring(RESULT_PREFIX.length()))
                        .toList();
        if (lines.size() < 2) {
            throw new CliException("Cannot size the Flink " + which + " processes:\n" + out);
        }
        return new String[] {lines.get(0), lines.get(1)};
    }

    private void awaitRest(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (rest("/overview").contains("flink-version")) {
                    return;
                }
            } catch (IOException notYet) {
                // The JobManager is still starting.
            }
            Thread.sleep(300);
        }
        throw new CliException(
                "The Flink JobManager did not answer on "
                        + restUrl()
                        + "; see "
                        + dir.resolve("log"));
    }

    /** Waits until the REST API reports at least {@code n} TaskManagers. */
    public void awaitTaskManagers(int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String overview = rest("/overview");
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"taskmanagers\":(\\d+)").matcher(overview);
            if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                return;
            }
            Thread.sleep(300);
        }
        throw new CliException("No TaskManager registered; see " + dir.resolve("log"));
    }

    private String flinkClasspath() throws IOException {
        Path file = home.resolve("flink-local/target/classpath.txt");
        if (!Files.exists(file)) {
            throw new CliException(
                    "Flink's jars are not assembled ("
                            + file
                            + " is missing): run bin/logflow build");
        }
        return Files.readString(file).trim();
    }

    private static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String pkg :
                List.of(
                        "java.util",
                        "java.lang",
                        "java.net",
                        "java.io",
                        "java.nio",
                        "sun.nio.ch",
                        "java.lang.reflect",
                        "java.text",
                        "java.time",
                        "java.util.concurrent",
                        "java.util.concurrent.atomic",
                        "java.util.concurrent.locks")) {
            cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        return cmd;
    }

    private String config() {
        return String.join(
                "\n",
                "# Written by bin/logflow cluster; Flink 2 reads config.yaml.",
                "jobmanager:",
                "  rpc:",
                "    address: localhost",
                "    port: " + rpcPort,
                "  bind-host: localhost",
                "  memory:",
                "    process:",
                "      size: 1024m",
                "taskmanager:",
                "  host: localhost",
                "  bind-host: localhost",
                "  numberOfTaskSlots: 2",
                "  memory:",
                "    process:",
                "      size: 1536m",
                "rest:",
                "  address: localhost",
                "  bind-address: localhost",
                "  port: " + restPort,
                "parallelism:",
                "  default: 1",
                "execution:",
                "  checkpointing:",
                "    dir: " + dir.resolve("checkpoints").toUri(),
                "    savepoint-dir: " + dir.resolve("savepoints").toUri(),
                "web:",
                "  submit:",
                "    enable: true",
                "metrics:",
                "  reporter:",
                "    prom:",
                "      factory.class: " + LoopbackPrometheusReporterFactory.class.getName(),
                "      host: 127.0.0.1",
                // The JobManager takes the first port, the TaskManager the next.
                "      port: " + METRICS_PORTS,
                "");
    }

    private static String log4j() {
        return String.join(
                "\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "");
    }
}
