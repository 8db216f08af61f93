package io.logflow.cli;

import io.logflow.connectors.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code cluster start|stop|status|submit|stop-job}: a real standalone Flink session cluster on
 * this machine, {@code flink run} (or a REST jar upload) of the jobs jar on it, and
 * stop-with-savepoint for upgrades.
 */
final class ClusterCommand {

    private ClusterCommand() {}

    static int run(String[] args, Console out) throws Exception {
        if (args.length == 0) {
            throw new CliException("cluster: say start, stop, status, submit or stop-job");
        }
        String action = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int split = Arrays.asList(rest).indexOf("--");
        String[] own = split < 0 ? rest : Arrays.copyOfRange(rest, 0, split);
        List<String> jobArgs =
                split < 0 ? List.of() : List.of(Arrays.copyOfRange(rest, split + 1, rest.length));
        boolean stopJob = action.equals("stop-job") && own.length > 0 && !own[0].startsWith("--");
        String jobId = stopJob ? own[0] : null;
        if (stopJob) {
            own = Arrays.copyOfRange(own, 1, own.length);
        }
        CliArgs a =
                CliArgs.parse(
                        "cluster",
                        own,
                        Set.of(
                                "data-dir",
                                "port",
                                "rpc-port",
                                "jar",
                                "parallelism",
                                "from-savepoint",
                                "savepoint-dir"),
                        Set.of("rest"));
        Path dir = a.path("data-dir", Defaults.DATA_DIR).resolve(DataDirs.CLUSTER);
        Path home = Path.of(System.getProperty("logflow.home", ".")).toAbsolutePath().normalize();
        Path portFile = dir.resolve("rest.port");
        switch (action) {
            case "start":
                {
                    int port = a.port("port", Defaults.FLINK_PORT);
                    int rpc = a.port("rpc-port", 6123);
                    Ports.requireFree("127.0.0.1", port, "Flink web UI", "--port");
                    Ports.requireFree("127.0.0.1", rpc, "Flink RPC", "--rpc-port");
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
                    Path jar = a.has("jar") ? a.path("jar", "") : LocalCluster.jobsJar(home);
                    if (!Files.exists(jar)) {
                        throw new CliException(
                                "No jobs jar at " + jar + ": run mvn -B package -DskipTests");
                    }
                    List<String> all =
                            new ArrayList<>(jobArgs.isEmpty() ? List.of("analytics") : jobArgs);
                    Integer parallelism =
                            a.has("parallelism")
                                    ? Integer.valueOf(a.get("parallelism", "1"))
                                    : null;
                    String savepoint = a.get("from-savepoint", null);
                    if (a.flag("rest")) {
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
                    if (jobId == null) {
                        throw new CliException("cluster stop-job: give the job id first");
                    }
                    LocalCluster cluster = running(home, dir, portFile);
                    out.step("Stopping job " + jobId + " with a savepoint");
                    String location =
                            new FlinkRest(cluster.restUrl())
                                    .stopWithSavepoint(
                                            jobId,
                                            a.get("savepoint-dir", null),
                                            Duration.ofMinutes(5));
                    out.line("Savepoint: " + location);
                    out.line(
                            "Resume with: bin/logflow cluster submit --from-savepoint "
                                    + location
                                    + " -- analytics ...");
                    return 0;
                }
            default:
                throw new CliException(
                        "cluster: unknown action '"
                                + action
                                + "'; use start, stop, status, submit or stop-job");
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
