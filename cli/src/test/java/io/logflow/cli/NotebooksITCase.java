package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.generator.GeneratorReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks in {@code notebooks/}, executed headlessly against the files a real pipeline wrote:
 * the incident notebook must find the error spike the generator was scripted to inject, and the
 * overview must draw its plots. Also checks that the notebooks are committed without outputs.
 */
class NotebooksITCase {

    private static final Path NOTEBOOKS = Path.of("..", "notebooks");
    private static final Path EXECUTED = Path.of("target", "notebooks");
    private static final Duration WAIT = Duration.ofSeconds(90);

    // 24,000 events at 100 per second of event time: 240 s of event time in a few seconds.
    private static final long EVENTS = 24_000;
    private static final double EVENT_TIME_RATE = 100;
    private static final Duration SPIKE_START = Duration.ofSeconds(90);
    private static final Duration SPIKE_LENGTH = Duration.ofSeconds(60);
    // Enough windows after the spike for the notebook to see the service recover.
    private static final Duration COVERED = Duration.ofSeconds(200);
    // Two 10 s windows on either side.
    private static final Duration SLACK = Duration.ofSeconds(20);

    private static final Pattern INCIDENT =
            Pattern.compile(
                    "INCIDENT service=(\\S+) metric=(\\S+) start=(\\S+) end=(\\S+)(?:\\s.*)?");

    @TempDir Path data;

    @Test
    void notebooksAreCommittedWithoutOutputs() throws IOException {
        List<Path> notebooks = NotebookFiles.notebooks(NOTEBOOKS);
        assertThat(notebooks)
                .extracting(p -> p.getFileName().toString())
                .contains("traffic-overview.ipynb", "incident-review.ipynb");
        for (Path notebook : notebooks) {
            for (JsonNode cell : NotebookFiles.cells(notebook)) {
                assertThat(cell.path("outputs").size())
                        .as("outputs of a cell in %s (clear them before committing)", notebook)
                        .isZero();
                // Markdown cells have no execution_count; code cells must have null.
                assertThat(cell.path("execution_count").isIntegralNumber())
                        .as("execution_count of a cell in %s", notebook)
                        .isFalse();
            }
        }
    }

    @Test
    void notebooksFindTheScriptedErrorSpikeInTheJobsFiles() throws Exception {
        if (!Files.isExecutable(NotebookFiles.JUPYTER)) {
            fail(
                    "%s is missing: the notebook test needs Debian's Jupyter and pandas"
                            + " (python3-pandas python3-matplotlib jupyter-nbconvert"
                            + " python3-ipykernel python3-nbformat); bin/run-tests installs them",
                    NotebookFiles.JUPYTER);
        }
        DemoSettings settings =
                new DemoSettings(
                        data,
                        "127.0.0.1",
                        0,
                        0,
                        0,
                        0,
                        0,
                        8000,
                        EVENT_TIME_RATE,
                        EVENTS,
                        7,
                        0.002,
                        0.0,
                        "tumbling:10s",
                        "500ms",
                        List.of(
                                "spike:payments@"
                                        + SPIKE_START.toSeconds()
                                        + "s+"
                                        + SPIKE_LENGTH.toSeconds()
                                        + "s"));
        Instant spikeStart;
        Instant spikeEnd;
        Path output;
        long malformedSent;
        try (DemoStack stack = new DemoStack(settings).start(step -> {})) {
            GeneratorReport sent = stack.stopGeneratorWhenDone(WAIT);
            assertThat(sent.totalRecords()).isEqualTo(EVENTS);
            spikeStart = sent.eventTimeStart().plus(SPIKE_START);
            spikeEnd = spikeStart.plus(SPIKE_LENGTH);
            output = stack.outputDir();
            malformedSent = sent.malformedRecords();
            awaitCommittedWindows(output, sent.eventTimeStart().plus(COVERED));
        }
        // The stack is closed: the notebooks read files nobody writes any more. A copy next to
        // the executed notebooks lets a failure be reproduced with LOGFLOW_OUTPUT.
        copyTree(output.getParent(), EXECUTED.resolve("data"));

        Map<String, String> env = Map.of("LOGFLOW_OUTPUT", output.toAbsolutePath().toString());
        Path overview = null;
        Path review = null;
        for (Path notebook : NotebookFiles.notebooks(NOTEBOOKS)) {
            Path executed = NotebookFiles.execute(notebook, EXECUTED, env, Duration.ofMinutes(4));
            String name = notebook.getFileName().toString();
            overview = name.equals("traffic-overview.ipynb") ? executed : overview;
            review = name.equals("incident-review.ipynb") ? executed : review;
        }
        assertThat(overview).as("traffic-overview.ipynb executed").isNotNull();
        assertThat(review).as("incident-review.ipynb executed").isNotNull();
        assertThat(NotebookFiles.imageCount(overview)).as("plots in %s", overview).isPositive();

        List<String> lines = NotebookFiles.streamLines(review);
        // Dead letters come from their own files; the job had committed some or all of the
        // generator's malformed records when the stack stopped, never more.
        assertThat(lines)
                .as("dead-letter count in %s", review)
                .anySatisfy(
                        line -> {
                            assertThat(line).startsWith("DEAD_LETTERS total=");
                            long total =
                                    Long.parseLong(
                                            line.substring("DEAD_LETTERS total=".length()).trim());
                            assertThat(total).isPositive().isLessThanOrEqualTo(malformedSent);
                        });
        List<Matcher> incidents =
                lines.stream().map(INCIDENT::matcher).filter(Matcher::matches).toList();
        // Overlapping the spike, and within it give or take two windows (not the whole run).
        assertThat(incidents)
                .as(
                        "INCIDENT lines for payments/error_rate around %s..%s in %s, printed:\n%s",
                        spikeStart, spikeEnd, review, String.join("\n", lines))
                .anySatisfy(
                        m -> {
                            Instant start = Instant.parse(m.group(3));
                            Instant end = Instant.parse(m.group(4));
                            assertThat(m.group(1)).isEqualTo("payments");
                            assertThat(m.group(2)).isEqualTo("error_rate");
                            assertThat(start)
                                    .isBefore(spikeEnd)
                                    .isAfterOrEqualTo(spikeStart.minus(SLACK));
                            assertThat(end)
                                    .isAfter(spikeStart)
                                    .isBeforeOrEqualTo(spikeEnd.plus(SLACK));
                        });
    }

    /** Polls the committed files until every service has a window starting at {@code until}. */
    private static void awaitCommittedWindows(Path output, Instant until)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Instant> latest = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                latest = NotebookFiles.latestWindowStarts(output);
            } catch (IOException | UncheckedIOException e) {
                // A file renamed from in-progress to committed under our feet: look again.
            }
            if (latest.containsKey("payments")
                    && latest.values().stream().allMatch(start -> !start.isBefore(until))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("No committed windows starting at %s in %s; latest: %s", until, output, latest);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path file : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().startsWith(".")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
