package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import io.logflow.jobs.patterns.MessageReader;
import io.logflow.jobs.patterns.PatternSettings;
import io.logflow.jobs.patterns.TemplateMiner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code bin/logflow patterns <file>}: mines templates from a file with the job's own miner and
 * default settings, writing one CSV row per message: line, template id, template.
 */
final class PatternsCommand {

    static final String HEADER = "line,template_id,template";

    static final ConfigOption<String> OUT =
            CliOptions.text("out", "Write the CSV to this file instead of standard output.");
    static final ConfigOption<String> FORMAT =
            key("format")
                    .stringType()
                    .defaultValue("auto")
                    .withDescription(
                            "lines, loghub-csv or auto: the Content column of a Loghub"
                                    + " structured CSV, else one message per line.");

    static final ToolArgs ARGS = ToolArgs.of("bin/logflow patterns FILE", OUT, FORMAT);

    private PatternsCommand() {}

    static String usage() {
        return ARGS.usage()
                + "\nMines templates with the job's miner and default settings; writes CSV "
                + HEADER;
    }

    /** Runs the command; CSV goes to {@code stdout} unless {@code --out} names a file. */
    static int run(String[] args, Writer stdout, PrintStream stderr) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new CliException(
                    "patterns: give exactly one file of log messages (see: bin/logflow help"
                            + " patterns)");
        }
        Configuration a =
                CliOptions.parse(
                        "patterns", ARGS, Arrays.copyOfRange(args, 1, args.length), List.of());
        MessageReader.Format format = format(a.get(FORMAT));
        Path file = Path.of(args[0]);
        String out = a.get(OUT);
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
        long lines = 0;
        try (MessageReader reader = open(file, format);
                Writer w = out == null ? stdout : fileWriter(Path.of(out))) {
            w.write(HEADER);
            w.write('\n');
            String message;
            while ((message = reader.next()) != null) {
                TemplateMiner.Match m = miner.add(message);
                w.write(Long.toString(++lines));
                w.write(',');
                w.write(Long.toString(m.templateId()));
                w.write(',');
                w.write(csv(m.template()));
                w.write('\n');
            }
            w.flush();
        } catch (IOException e) {
            throw new CliException("patterns: " + e.getMessage(), e);
        }
        stderr.println(
                String.format(
                        Locale.ROOT,
                        "patterns: %d messages, %d templates%s",
                        lines,
                        miner.size(),
                        out == null ? "" : ", written to " + out));
        return 0;
    }

    /** For bin/logflow: UTF-8 to the process's standard output. */
    static int run(String[] args) throws IOException {
        Writer stdout =
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        return run(args, stdout, System.err);
    }

    private static MessageReader open(Path file, MessageReader.Format format) {
        try {
            return MessageReader.open(file, format);
        } catch (IOException e) {
            throw new CliException("patterns: " + e.getMessage(), e);
        }
    }

    private static Writer fileWriter(Path out) {
        try {
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("patterns: cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static MessageReader.Format format(String name) {
        switch (name) {
            case "lines":
                return MessageReader.Format.LINES;
            case "loghub-csv":
                return MessageReader.Format.LOGHUB_CSV;
            case "auto":
                return MessageReader.Format.AUTO;
            default:
                throw new CliException(
                        "patterns: "
                                + ToolArgs.invalid(FORMAT, name, "lines, loghub-csv or auto")
                                        .getMessage());
        }
    }

    /** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
    static String csv(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
