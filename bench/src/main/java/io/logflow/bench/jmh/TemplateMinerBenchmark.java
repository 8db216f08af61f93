package io.logflow.bench.jmh;

import io.logflow.jobs.patterns.Masker;
import io.logflow.jobs.patterns.MessageReader;
import io.logflow.jobs.patterns.PatternSettings;
import io.logflow.jobs.patterns.TemplateMiner;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Template extraction, lines per second on one core: {@link TemplateMiner#add} with the default
 * settings, on the generator's messages or on Loghub's 2k samples ({@code -p source=loghub}; the
 * directory is {@code -Dlogflow.loghub.dir}, default {@code /work/shared/data/loghub-2k}). The
 * miner has seen every line once before measuring, so this is the steady state of a running job.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateMinerBenchmark {

    static final String LOGHUB_DIR =
            System.getProperty("logflow.loghub.dir", "/work/shared/data/loghub-2k");

    @Param({"generator", "loghub"})
    public String source;

    private String[] lines;
    private int next;
    private TemplateMiner miner;

    @Setup
    public void setUp() throws IOException {
        List<String> messages = source.equals("loghub") ? loghub() : generator();
        lines = messages.toArray(new String[0]);
        miner = new TemplateMiner(PatternSettings.defaults());
        for (String line : lines) {
            miner.add(line);
        }
    }

    private static List<String> generator() {
        List<String> out = new ArrayList<>();
        for (LogEvent e : BenchEvents.sample(BenchEvents.COUNT * 4, 29)) {
            out.add(e.getMessage());
        }
        return out;
    }

    private static List<String> loghub() throws IOException {
        Path dir = Path.of(LOGHUB_DIR);
        if (!Files.isDirectory(dir)) {
            throw new IOException(
                    "No Loghub samples in "
                            + dir
                            + ": set -Dlogflow.loghub.dir or run with -p source=generator");
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(dir, "*_2k.log_structured.csv")) {
            for (Path file : files) {
                try (MessageReader reader =
                        MessageReader.open(file, MessageReader.Format.LOGHUB_CSV)) {
                    for (String m = reader.next(); m != null; m = reader.next()) {
                        out.add(m);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("No *_2k.log_structured.csv files in " + dir);
        }
        return out;
    }

    /** The masking alone, the first step of every {@link #add}. */
    @Benchmark
    public String[] mask() {
        next = next + 1 == lines.length ? 0 : next + 1;
        return Masker.tokens(lines[next]);
    }

    @Benchmark
    public TemplateMiner.Match add() {
        next = next + 1 == lines.length ? 0 : next + 1;
        return miner.add(lines[next]);
    }
}
