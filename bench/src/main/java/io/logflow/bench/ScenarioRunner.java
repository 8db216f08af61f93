package io.logflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each scenario in a fresh JVM with the same heap and flags, so its CPU time and heap are its
 * own and no scenario inherits another's JIT warm-up or garbage.
 */
final class ScenarioRunner {

    /** Flink needs these on Java 17, as its own scripts pass them. */
    private static final List<String> ADD_OPENS =
            List.of(
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final String READY = "BENCH-READY";

    private final String heap;
    private final Path logDir;
    private final Path profileDir;

    /** {@code profileDir} null: no recordings; else one JFR recording per LogFlow scenario. */
    ScenarioRunner(String heap, Path logDir, Path profileDir) throws IOException {
        this.heap = heap;
        this.logDir = Files.createDirectories(logDir);
        this.profileDir = profileDir == null ? null : Files.createDirectories(profileDir);
    }

    /** The recording of {@code scenario}, once it has run with profiling on. */
    Path recording(String scenario) {
        return profileDir.resolve(scenario + ".jfr");
    }

    /** Runs a scenario to its end and returns what it measured. */
    ScenarioResult run(ScenarioArgs args) throws IOException, InterruptedException {
        String scenario = args.get(ScenarioArgs.SCENARIO);
        Process process = launch(args);
        ScenarioResult result = null;
        try (BufferedReader out = reader(process)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ScenarioResult.LINE_PREFIX)) {
                    result = ScenarioResult.parse(line);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        if (result == null || process.exitValue() != 0) {
            throw failure(scenario, process);
        }
        return result;
    }

    /** Starts a long-running scenario and returns once it reports it is ready; caller stops it. */
    Process start(ScenarioArgs args) throws IOException {
        String scenario = args.get(ScenarioArgs.SCENARIO);
        Process process = launch(args);
        BufferedReader out = reader(process);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(READY)) {
                return process;
            }
        }
        throw failure(scenario, process);
    }

    private Process launch(ScenarioArgs args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-XX:+UseParallelGC");
        if (profileDir != null && "logflow".equals(args.get(ScenarioArgs.KIND))) {
            command.add(
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + recording(args.get(ScenarioArgs.SCENARIO)));
        }
        command.addAll(ADD_OPENS);
        command.add("-Dlogflow.log.dir=" + logDir.resolve(args.get(ScenarioArgs.SCENARIO)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ScenarioMain.class.getName());
        command.addAll(args.toArgs());
        return new ProcessBuilder(command)
                .redirectError(logDir.resolve(args.get(ScenarioArgs.SCENARIO) + ".err").toFile())
                .start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private IllegalStateException failure(String scenario, Process process) throws IOException {
        Path err = logDir.resolve(scenario + ".err");
        List<String> lines = Files.exists(err) ? Files.readAllLines(err) : List.of();
        String tail =
                String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        return new IllegalStateException(
                "Scenario "
                        + scenario
                        + " failed (exit "
                        + (process.isAlive() ? "still running" : process.exitValue())
                        + "); logs in "
                        + logDir
                        + ":\n"
                        + tail);
    }
}
