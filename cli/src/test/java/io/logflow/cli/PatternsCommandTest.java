package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.devstack.junit.SharedData;
import io.logflow.jobs.patterns.GroupingAccuracy;
import io.logflow.jobs.patterns.LoghubCsv;
import io.logflow.jobs.patterns.PatternSettings;
import io.logflow.jobs.patterns.TemplateMiner;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternsCommandTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        assertThat(
                        PatternsCommand.run(
                                args, out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isZero();
        return out.toString();
    }

    @Test
    void writesOneCsvRowPerLineWithQuotedTemplates() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "user 17 logged in",
                        "payment failed, code 42 \"card declined\"",
                        "",
                        "user 18 logged in"),
                StandardCharsets.UTF_8);

        assertThat(run(file.toString()))
                .isEqualTo(
                        String.join(
                                "\n",
                                "line,template_id,template",
                                "1,1,user <*> logged in",
                                "2,2,\"payment failed, code <*> \"\"card declined\"\"\"",
                                "3,3,",
                                "4,1,user <*> logged in",
                                ""));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("patterns: 4 messages, 3 templates");
    }

    @Test
    void readsTheContentColumnOfALoghubCsvAndWritesToAFile() throws IOException {
        Path file = dir.resolve("x_structured.csv");
        Files.writeString(
                file,
                "LineId,Level,Content,EventId\n"
                        + "1,INFO,\"Changing view acls to: yarn,curi\",E5\n"
                        + "2,INFO,\"Changing view acls to: root,curi\",E5\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");

        assertThat(run(file.toString(), "--out", out.toString())).isEmpty();
        assertThat(Files.readString(out))
                .isEqualTo(
                        "line,template_id,template\n"
                                + "1,1,\"Changing view acls to: yarn,curi\"\n"
                                + "2,1,Changing view acls to: <*>\n");
        // Read as plain lines, the header is a message too.
        assertThat(run(file.toString(), "--format", "lines"))
                .startsWith("line,template_id,template\n1,1,\"LineId,Level,Content,EventId\"\n");
    }

    @Test
    void badInputGetsAClearError() {
        assertThatThrownBy(() -> run(dir.resolve("missing.log").toString()))
                .isInstanceOf(CliException.class)
                .hasMessage("patterns: no such file: " + dir.resolve("missing.log"));
        assertThatThrownBy(() -> run())
                .hasMessage(
                        "patterns: give exactly one file of log messages (see: bin/logflow help"
                                + " patterns)");
        assertThatThrownBy(() -> run("--out", "x.csv", "a.log"))
                .hasMessageStartingWith("patterns: give exactly one file");
        assertThatThrownBy(() -> run("a.log", "b.log"))
                .isInstanceOf(CliException.class)
                .hasMessage("patterns: Expected an option like --key value, got 'b.log'");
        assertThatThrownBy(() -> run("a.log", "--format", "xml"))
                .hasMessage(
                        "patterns: Invalid value for 'format': 'xml'; expected lines, loghub-csv"
                                + " or auto");
        assertThatThrownBy(() -> run("a.log", "--output", "x.csv"))
                .hasMessage("patterns: Unknown option 'output'. Known options: format, out");
        assertThatThrownBy(() -> run(dir.toString())).hasMessageContaining("no such file");
    }

    @Test
    void cliOutputScoresLikeTheMinerOnTheLoghubSamples() throws IOException {
        Path loghub = SharedData.dir("loghub-2k");
        Map<String, Double> drain =
                Map.of(
                        "HDFS",
                        0.998,
                        "Hadoop",
                        0.948,
                        "Spark",
                        0.920,
                        "Zookeeper",
                        0.967,
                        "Linux",
                        0.690,
                        "OpenStack",
                        0.733,
                        "HealthApp",
                        0.780,
                        "Proxifier",
                        0.765);
        for (Map.Entry<String, Double> e : drain.entrySet()) {
            Path file = loghub.resolve(e.getKey() + "_2k.log_structured.csv");
            List<String> truth = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
            try (BufferedReader in = Files.newBufferedReader(file)) {
                LoghubCsv csv = new LoghubCsv(in);
                List<String> header = csv.next();
                List<String> row;
                while ((row = csv.next()) != null) {
                    truth.add(row.get(header.indexOf("EventId")));
                    direct.add(miner.add(row.get(header.indexOf("Content"))).templateId());
                }
            }
            List<String> fromCli = new ArrayList<>();
            LoghubCsv out =
                    new LoghubCsv(new BufferedReader(new StringReader(run(file.toString()))));
            assertThat(out.next()).containsExactly("line", "template_id", "template");
            List<String> row;
            while ((row = out.next()) != null) {
                assertThat(row.get(0)).isEqualTo(Integer.toString(fromCli.size() + 1));
                fromCli.add(row.get(1));
            }
            double cli = GroupingAccuracy.of(truth, fromCli);
            assertThat(cli).as(e.getKey()).isEqualTo(GroupingAccuracy.of(truth, direct));
            assertThat(cli).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue() - 0.02);
        }
    }
}
