package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.ToolArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code cluster start|stop|status|submit|stop-job}: a real standalone Flink session cluster on
 * this machine, {@code flink run} (or a REST jar upload) of the jobs jar on it, and
 * stop-with-savepoint for upgrades.
 */
final class ClusterCommand {

    static final ConfigOption<Integer> PORT =
            CliOptions.port("port", Defaults.FLINK_PORT, "Flink web UI and REST port.");
    static final ConfigOption<Integer> RPC_PORT =
            CliOptions.port("rpc-port", 6123, "JobManager RPC port.");
    static final ConfigOption<String> JAR =
            CliOptions.text("jar", "The jobs jar; default: the one the build made.");
    static final ConfigOption<Boolean> REST =
            key("rest")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Upload the jar and run it through the REST API instead of flink"
                                    + " run.");
    static final ConfigOption<Integer> PARALLELISM =
            key("parallelism").intType().noDefaultValue().withDescription("The job's parallelism.");
    static final ConfigOption<String> FROM_SAVEPOINT =
            CliOptions.text("from-savepoint", "Start the job from this savepoint.");
    static final ConfigOption<String> SAVEPOINT_DIR =
            CliOptions.text("savepoint-dir", "Where the savepoint goes; default: the cluster's.");

    private static final String COMMAND = "bin/logflow cluster ";
    private static final ToolArgs START =
            ToolArgs.of(COMMAND + "start", PORT, RPC_PORT, CliOptions.DATA_DIR);
    private static final ToolArgs SUBMIT =
            ToolArgs.of(
                    COMMAND + "submit",
                    JAR,
                    REST,
                    PARALLELISM,
                    FROM_SAVEPOINT,
                    CliOptions.DATA_DIR);
    private static final ToolArgs STOP_JOB =
            ToolArgs.of(COMMAND + "stop-job JOB_ID", SAVEPOINT_DIR, CliOptions.DATA_DIR);
    private static final ToolArgs STATUS = ToolArgs.of(COMMAND + "status", CliOptions.DATA_DIR);
    private static final ToolArgs STOP = ToolArgs.of(COMMAND + "stop", CliOptions.DATA_DIR);

    private static final List<String> ACTIONS =
            List.of("start", "submit", "stop-job", "status", "stop");

    private ClusterCommand() {}

    static String usage() {
        return String.join("\n", ACTIONS.stream().map(ClusterCommand::usage).toList());
    }

    /** The usage of {@code action}; of every action when it names none of them. */
    static String usage(String action) {
        return switch (action == null ? "" : action) {
            case "start" -> START.usage();
            case "submit" ->
                    SUBMIT.usage()
                            + "\n  -- JOB [job options]    Last: the job to run and its options."
                            + " Default: analytics.";
            case "stop-job" ->
                    STOP_JOB.usage() + "\n  Stops the job with a savepoint, for upgrades.";
            case "status" -> STATUS.usage();
            case "stop" -> STOP.usage();
            default -> usage();
        };
    }

    static int run(String[] args, Console out) throws Exception {
        if (args.length == 0) {
            throw new CliException("cluster: say start, stop, status, submit or stop-job");
        }
        String action = args[0];
        ToolArgs toolArgs =
                switch (action) {
                    case "start" -> START;
                    case "submit" -> SUBMIT;
                    case "stop-job" -> STOP_JOB;
                    case "status" -> STATUS;
                    case "stop" -> STOP;
                    default ->
                            throw new CliException(
                                    "cluster: unknown action '"
                                            + action
                                            + "'; use start, stop, status, submit or stop-job");
                };
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int split = Arrays.asList(rest).indexOf("--");
        String[] own = split < 0 ? rest : Arrays.copyOfRange(rest, 0, split);
        List<String> jobArgs =
                split < 0 ? List.of() : List.of(Arrays.copyOfRange(rest, split + 1, rest.length));
        String jobId = null;
        if (toolArgs == STOP_JOB) {
            if (own.length == 0 || own[0].startsWith("--")) {
                throw new CliException("cluster stop-job: give the job id first");
            }
            jobId = own[0];
            own = Arrays.copyOfRange(own, 1, own.length);
        }
        Configuration a =
                CliOptions.parse("cluster " + action, toolArgs, own, List.of(PORT, RPC_PORT));
        Path dir = CliOptions.dataDir(a).resolve(DataDirs.CLUSTER);
        Path home = Path.of(System.getProperty("logflow.home", ".")).toAbsolutePath().normalize();
        Path portFile = dir.resolve("rest.port");
        switch (action) {
            case "start":
                {
                    int port = a.get(PORT);
                    int rpc = a.get(RPC_PORT);
                    Ports.requireFree("127.0.0.1", port, "Flink web UI", PORT);
                    Ports.requireFree("127.0.0.1", rpc, "Flink RPC", RPC_PORT);
                    LocalCluster cluster = new LocalCluster(home, dir, port, rpc);
                    if (cluster.process("jobmanager").isPresent()) {
                        throw new CliException("A cluster is already running from " + dir);
                    }
                    out.step(
                            "Starting a Flink JobManager and TaskManager (logs in "
                                    + dir.resolve("log")
                                    + ")");
                    cluster.start(Duration.ofSeconds(120));
                    Files.writeString(portFile, String.valueOf(port));
                    out.line("Flink web UI:     " + cluster.restUrl());
                    out.ready("The cluster is running; stop it with: bin/logflow cluster stop");
                    return 0;
                }
            case "stop":
                {
                    LocalCluster cluster = new LocalCluster(home, dir, 0, 0);
                    out.step("Stopping the cluster");
                    cluster.stop();
                    Files.deleteIfExists(portFile);
                    return 0;
                }
            case "status":
                {
                    LocalCluster cluster = running(home, dir, portFile);
                    out.line(
                            "JobManager pid "
                                    + cluster.process("jobmanager")
                                            .map(p -> String.valueOf(p.pid()))
                                            .orElse("-")
                                    + ", TaskManager pid "
                                    + cluster.process("taskmanager")
                                            .map(p -> String.valueOf(p.pid()))
                                            .orElse("-"));
                    out.line(cluster.rest("/overview"));
                    return 0;
                }
            case "submit":
                {
                    LocalCluster cluster = running(home, dir, portFile);
                    Path jar =
                            a.getOptional(JAR)
                                    .map(CliOptions::path)
                                    .orElseGet(() -> LocalCluster.jobsJar(home));
                    if (!Files.exists(jar)) {
                        throw new CliException(
                                "No jobs jar at " + jar + ": run mvn -B package -DskipTests");
                    }
                    List<String> all =
                            new ArrayList<>(jobArgs.isEmpty() ? List.of("analytics") : jobArgs);
                    Integer parallelism = a.getOptional(PARALLELISM).orElse(null);
                    String savepoint = a.getOptional(FROM_SAVEPOINT).orElse(null);
                    if (a.get(REST)) {
                        FlinkRest flink = new FlinkRest(cluster.restUrl());
                        out.step("Uploading " + jar.getFileName() + " to " + cluster.restUrl());
                        String id = flink.run(flink.upload(jar), all, parallelism, savepoint);
                        out.line("Job has been submitted with JobID " + id);
                        return 0;
                    }
                    List<String> flinkOptions = new ArrayList<>();
                    if (parallelism != null) {
                        flinkOptions.addAll(List.of("-p", parallelism.toString()));
                    }
                    if (savepoint != null) {
                        flinkOptions.addAll(List.of("-s", savepoint));
                    }
                    out.step("flink run " + jar.getFileName() + " " + String.join(" ", all));
                    out.info(cluster.submit(jar, flinkOptions, all, Duration.ofMinutes(3)));
                    return 0;
                }
            case "stop-job":
                {
                    LocalCluster cluster = running(home, dir, portFile);
                    out.step("Stopping job " + jobId + " with a savepoint");
                    String location =
                            new FlinkRest(cluster.restUrl())
                                    .stopWithSavepoint(
                                            jobId,
                                            a.getOptional(SAVEPOINT_DIR).orElse(null),
                                            Duration.ofMinutes(5));
                    out.line("Savepoint: " + location);
                    out.line(
                            "Resume with: bin/logflow cluster submit --from-savepoint "
                                    + location
                                    + " -- analytics ...");
                    return 0;
                }
            default:
                throw new IllegalStateException(action);
        }
    }

    private static LocalCluster running(Path home, Path dir, Path portFile) throws Exception {
        if (!Files.exists(portFile)) {
            throw new CliException(
                    "No cluster is running from " + dir + ": bin/logflow cluster start");
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        LocalCluster cluster = new LocalCluster(home, dir, port, 0);
        if (cluster.process("jobmanager").isEmpty()) {
            throw new CliException(
                    "The cluster's JobManager is not running; see " + dir.resolve("log"));
        }
        return cluster;
    }
}
