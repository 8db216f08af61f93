package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelsTest {

    private static final Map<String, Level> SPELLINGS =
            Map.ofEntries(
                    Map.entry("trace", Level.TRACE),
                    Map.entry("finer", Level.TRACE),
                    Map.entry("finest", Level.TRACE),
                    Map.entry("t", Level.TRACE),
                    Map.entry("debug", Level.DEBUG),
                    Map.entry("dbg", Level.DEBUG),
                    Map.entry("fine", Level.DEBUG),
                    Map.entry("d", Level.DEBUG),
                    Map.entry("info", Level.INFO),
                    Map.entry("information", Level.INFO),
                    Map.entry("informational", Level.INFO),
                    Map.entry("notice", Level.INFO),
                    Map.entry("config", Level.INFO),
                    Map.entry("i", Level.INFO),
                    Map.entry("warn", Level.WARN),
                    Map.entry("warning", Level.WARN),
                    Map.entry("w", Level.WARN),
                    Map.entry("error", Level.ERROR),
                    Map.entry("err", Level.ERROR),
                    Map.entry("severe", Level.ERROR),
                    Map.entry("e", Level.ERROR),
                    Map.entry("fatal", Level.FATAL),
                    Map.entry("critical", Level.FATAL),
                    Map.entry("crit", Level.FATAL),
                    Map.entry("alert", Level.FATAL),
                    Map.entry("emerg", Level.FATAL),
                    Map.entry("emergency", Level.FATAL),
                    Map.entry("panic", Level.FATAL),
                    Map.entry("f", Level.FATAL));

    private static Level bytes(String s) {
        byte[] b = ("<" + s + ">").getBytes(StandardCharsets.UTF_8);
        return Levels.parse(b, 1, b.length - 1);
    }

    @Test
    void readsEveryWordInAnyCaseFromStringsAndBytes() {
        SPELLINGS.forEach(
                (word, level) -> {
                    String upper = word.toUpperCase(Locale.ROOT);
                    String capitalised = upper.charAt(0) + word.substring(1);
                    for (String s : new String[] {word, upper, capitalised}) {
                        assertThat(Levels.parse(s)).as(s).isEqualTo(level);
                        assertThat(Levels.parse(new StringBuilder(s))).as(s).isEqualTo(level);
                        assertThat(bytes(s)).as(s).isEqualTo(level);
                    }
                });
    }

    @Test
    void readsSyslogSeverityDigits() {
        Level[] expected = {
            Level.FATAL, Level.FATAL, Level.FATAL, Level.ERROR,
            Level.WARN, Level.INFO, Level.INFO, Level.DEBUG
        };
        for (int s = 0; s < 8; s++) {
            assertThat(Levels.fromSyslogSeverity(s)).isEqualTo(expected[s]);
            assertThat(Levels.parse(String.valueOf(s))).isEqualTo(expected[s]);
            assertThat(bytes(String.valueOf(s))).isEqualTo(expected[s]);
        }
        assertThat(Levels.fromSyslogSeverity(-1)).isNull();
        assertThat(Levels.fromSyslogSeverity(8)).isNull();
    }

    @Test
    void readsOpenTelemetrySeverityNumbers() {
        Level[] groups = {
            Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL
        };
        for (int n = 1; n <= 24; n++) {
            assertThat(Levels.fromOtelSeverity(n)).as("%d", n).isEqualTo(groups[(n - 1) / 4]);
        }
        assertThat(Levels.fromOtelSeverity(0)).isNull();
        assertThat(Levels.fromOtelSeverity(25)).isNull();
        assertThat(Levels.fromOtelSeverity(9)).isEqualTo(Level.INFO);
        assertThat(Levels.fromOtelSeverity(17)).isEqualTo(Level.ERROR);
    }

    @Test
    void unknownSpellingsAreNull() {
        for (String s :
                new String[] {
                    "", " ", "verbose", "warnings", "informationa", "informationals", "8", "10",
                    "info ", " info", "inf0", "x", "é", "错误", "information_", "errorerrorerror"
                }) {
            assertThat(Levels.parse(s)).as(s).isNull();
            assertThat(bytes(s)).as(s).isNull();
        }
        assertThat(Levels.parse((CharSequence) null)).isNull();
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28};
        assertThat(Levels.parse(invalidUtf8, 0, 2)).isNull();
    }
}
