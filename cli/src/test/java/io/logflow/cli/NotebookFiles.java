package io.logflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test support for the Jupyter notebooks: reads {@code .ipynb} JSON, runs {@code jupyter nbconvert
 * --execute} on Debian's Python, and reads the job's committed JSON Lines files.
 */
final class NotebookFiles {

    /** Debian's Jupyter; the {@code python3} on PATH may be another interpreter without pandas. */
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookFiles() {}

    /** The notebooks in {@code dir}, sorted by name. */
    static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .sorted()
                    .toList();
        }
    }

    static List<JsonNode> cells(Path notebook) throws IOException {
        List<JsonNode> cells = new ArrayList<>();
        JSON.readTree(notebook.toFile()).path("cells").forEach(cells::add);
        return cells;
    }

    /** Everything the code cells printed, in order. */
    static List<String> streamLines(Path notebook) throws IOException {
        List<String> lines = new ArrayList<>();
        for (JsonNode cell : cells(notebook)) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.path("output_type").asText().equals("stream")) {
                    text(output.path("text")).lines().forEach(lines::add);
                }
            }
        }
        return lines;
    }

    /** How many outputs carry a PNG image. */
    static long imageCount(Path notebook) throws IOException {
        return cells(notebook).stream()
                .flatMap(cell -> stream(cell.path("outputs")))
                .filter(output -> output.path("data").has("image/png"))
                .count();
    }

    /**
     * Executes {@code notebook} headlessly into {@code outputDir} with {@code env} added to the
     * environment; fails with nbconvert's stderr when it does not succeed.
     */
    static Path execute(Path notebook, Path outputDir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(outputDir);
        String name = notebook.getFileName().toString();
        Path log = outputDir.resolve(name.replace(".ipynb", ".nbconvert.log"));
        ProcessBuilder builder =
                new ProcessBuilder(
                                JUPYTER.toString(),
                                "nbconvert",
                                "--to",
                                "notebook",
                                "--execute",
                                "--ExecutePreprocessor.timeout=180",
                                "--ExecutePreprocessor.kernel_name=python3",
                                "--output-dir",
                                outputDir.toString(),
                                notebook.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        // A pyenv or virtualenv on PATH must not leak its modules into Debian's interpreter.
        builder.environment().remove("PYTHONPATH");
        builder.environment().remove("PYTHONHOME");
        builder.environment().put("MPLBACKEND", "Agg");
        builder.environment().put("JUPYTER_PLATFORM_DIRS", "1");
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "nbconvert did not finish " + name + " within " + timeout + ":\n" + read(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "nbconvert failed on "
                            + name
                            + " (exit "
                            + process.exitValue()
                            + "):\n"
                            + read(log));
        }
        return outputDir.resolve(name);
    }

    /**
     * The latest window start per service over the committed JSON Lines files below {@code dir};
     * files still being written are hidden ({@code .part-...}) and skipped.
     */
    static Map<String, Instant> latestWindowStarts(Path dir) throws IOException {
        Map<String, Instant> latest = new java.util.HashMap<>();
        if (!Files.isDirectory(dir)) {
            return latest;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file :
                    files.filter(
                                    p -> {
                                        String n = p.getFileName().toString();
                                        return n.startsWith("part-") && n.endsWith(".jsonl");
                                    })
                            .toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = JSON.readTree(line);
                    Instant start = Instant.parse(row.path("windowStart").asText());
                    latest.merge(
                            row.path("service").asText(), start, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return latest;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(part -> b.append(part.asText()));
            return b.toString();
        }
        return node.asText();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
