package io.logflow.jobs.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageReaderTest {

    @TempDir Path dir;

    private static List<String> all(Path file, MessageReader.Format format) throws IOException {
        List<String> out = new ArrayList<>();
        try (MessageReader r = MessageReader.open(file, format)) {
            String m;
            while ((m = r.next()) != null) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void autoReadsTheContentColumnOfLoghubCsvWithQuotesCommasAndLineBreaks() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(
                file,
                "LineId,Time,Content,EventId\n"
                        + "1,\"18:01:47,978\",\"a \"\"quoted\"\" word, and more\",E1\n"
                        + "2,x,\"two\nlines\",E2\n"
                        + "3,y,plain,E3\n");
        assertThat(all(file, MessageReader.Format.AUTO))
                .containsExactly("a \"quoted\" word, and more", "two\nlines", "plain");
    }

    @Test
    void otherFilesAreOneMessagePerLine() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "Content,first\nsecond\n\nfourth");
        assertThat(all(file, MessageReader.Format.AUTO))
                .containsExactly("Content,first", "second", "", "fourth");
    }

    @Test
    void malformedCsvAndMissingFilesFailNamingTheProblem() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "LineId,Content\n1,ok\n2,too,many\n");
        assertThatThrownBy(() -> all(bad, MessageReader.Format.AUTO))
                .isInstanceOf(IOException.class)
                .hasMessage(bad + ": record ending on line 3 has 3 fields, the header 2");
        Path noContent = dir.resolve("nc.csv");
        Files.writeString(noContent, "LineId,Text\n1,x\n");
        assertThatThrownBy(() -> all(noContent, MessageReader.Format.LOGHUB_CSV))
                .hasMessage(noContent + " is not a Loghub structured CSV: no Content column");
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "LineId,Content\n1,\"never closed\n");
        assertThatThrownBy(() -> all(open, MessageReader.Format.AUTO))
                .hasMessageContaining("unterminated quoted field");
        assertThatThrownBy(() -> all(dir.resolve("none.log"), MessageReader.Format.AUTO))
                .hasMessage("no such file: " + dir.resolve("none.log"));
    }
}
