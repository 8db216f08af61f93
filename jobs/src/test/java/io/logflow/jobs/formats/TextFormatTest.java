package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.Parsed.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    private static final long RECORD = millis("2026-11-26T10:00:05Z");
    private static final TextFormat FORMAT = new TextFormat(Parsed.SETTINGS);

    private static CompactEvent parse(String line) throws UnparseableException {
        return Parsed.one(FORMAT, line, RECORD);
    }

    private static void assertLine(String line, String time, Level level, String message)
            throws UnparseableException {
        CompactEvent e = parse(line);
        assertThat(e.timestamp).as(line).isEqualTo(time == null ? RECORD : millis(time));
        assertThat(e.level).as(line).isEqualTo(level);
        assertThat(e.message).as(line).isEqualTo(message);
        assertThat(e.service).isEqualTo(Parsed.SERVICE);
        assertThat(e.http).isFalse();
        assertThat(e.host).isNull();
    }

    @Test
    void stripsAnIsoTimestampAndTheLevelAfterIt() throws UnparseableException {
        assertLine(
                "2026-11-26T10:00:00.123Z ERROR something broke",
                "2026-11-26T10:00:00.123Z",
                Level.ERROR,
                "something broke");
        assertLine(
                "2026-11-26 10:00:00,123 WARN  [main] com.shop.Cart - cart empty\n",
                "2026-11-26T10:00:00.123Z",
                Level.WARN,
                "[main] com.shop.Cart - cart empty");
        assertLine(
                "2026-11-26T10:00:00.123+01:00  INFO 12345 --- [main] o.s.b.StartupInfoLogger :"
                        + " Started",
                "2026-11-26T09:00:00.123Z",
                Level.INFO,
                "12345 --- [main] o.s.b.StartupInfoLogger : Started");
        assertLine(
                "2026-11-26T10:00:00Z [warn] upstream slow",
                "2026-11-26T10:00:00Z",
                Level.WARN,
                "upstream slow");
        assertLine(
                "2026-11-26T10:00:00Z fatal: out of memory",
                "2026-11-26T10:00:00Z",
                Level.FATAL,
                "out of memory");
        assertLine(
                "2026-11-26T10:00:00Z starting up",
                "2026-11-26T10:00:00Z",
                Level.INFO,
                "starting up");
        assertLine("2026-11-26T10:00:00Z [main] x", "2026-11-26T10:00:00Z", Level.INFO, "[main] x");
        assertLine("2026-11-26T10:00:00Z DEBUG", "2026-11-26T10:00:00Z", Level.DEBUG, "");
    }

    @Test
    void readsALevelWithoutTimestampOnlyWhenBracketedOrFollowedByAColon()
            throws UnparseableException {
        assertLine("[ERROR] disk full", null, Level.ERROR, "disk full");
        assertLine("[Warning]: retrying", null, Level.WARN, "retrying");
        assertLine(
                "ERROR: relation \"users\" does not exist",
                null,
                Level.ERROR,
                "relation \"users\" does not exist");
        assertLine("WARNING:root:disk low", null, Level.WARN, "root:disk low");
        assertLine("Error connecting to db", null, Level.INFO, "Error connecting to db");
        assertLine("E: x", null, Level.INFO, "E: x");
        assertLine("[main] started", null, Level.INFO, "[main] started");
        assertLine("[ERRORS] x", null, Level.INFO, "[ERRORS] x");
    }

    @Test
    void readsGlogHeadersWithTheYearNearestTheRecord() throws UnparseableException {
        assertLine(
                "E1126 10:00:00.123456 1234 server.go:42] connection refused",
                "2026-11-26T10:00:00.123Z",
                Level.ERROR,
                "1234 server.go:42] connection refused");
        assertLine(
                "W1126 09:59:59.000001    7 a.go:1] slow",
                "2026-11-26T09:59:59Z",
                Level.WARN,
                "7 a.go:1] slow");
        assertLine(
                "I1126 10:00:01 1 main.go:9] up",
                "2026-11-26T10:00:01Z",
                Level.INFO,
                "1 main.go:9] up");
        assertLine(
                "F1126 10:00:00.5 1 main.go:9] dead",
                "2026-11-26T10:00:00.500Z",
                Level.FATAL,
                "1 main.go:9] dead");
        CompactEvent rollover =
                Parsed.one(
                        FORMAT,
                        "I1231 23:59:59.000000 1 main.go:1] x".getBytes(),
                        millis("2027-01-01T00:00:10Z"));
        assertThat(rollover.timestamp).isEqualTo(millis("2026-12-31T23:59:59Z"));
        CompactEvent forward =
                Parsed.one(
                        FORMAT,
                        "I0101 00:00:01.000000 1 main.go:1] x".getBytes(),
                        millis("2026-12-31T23:59:59Z"));
        assertThat(forward.timestamp).isEqualTo(millis("2027-01-01T00:00:01Z"));
        // Not glog: a bad month, a bad time, no space after the time.
        assertLine(
                "I1326 10:00:00.1 1 a.go:1] x", null, Level.INFO, "I1326 10:00:00.1 1 a.go:1] x");
        assertLine(
                "I1126 25:00:00.1 1 a.go:1] x", null, Level.INFO, "I1126 25:00:00.1 1 a.go:1] x");
        assertLine("I1126 10:00:00x", null, Level.INFO, "I1126 10:00:00x");
    }

    @Test
    void anyOtherLineIsAnInfoMessageAtTheRecordsTime() throws UnparseableException {
        assertLine("plain old line\r\n", null, Level.INFO, "plain old line");
        assertLine("  indented line", null, Level.INFO, "  indented line");
        assertLine("\uFEFF[INFO] after a BOM", null, Level.INFO, "after a BOM");
        assertLine(
                "2026-11-26T10:00:00 \u00e9t\u00e9",
                "2026-11-26T10:00:00Z",
                Level.INFO,
                "\u00e9t\u00e9");
        assertLine(
                "2026-13-26T10:00:00Z ERROR x", null, Level.INFO, "2026-13-26T10:00:00Z ERROR x");
    }

    @Test
    void emptyLinesAreUnparseable() {
        for (String blank : new String[] {"", "\n", "   ", "\r\n", " \t "}) {
            assertThatThrownBy(() -> parse(blank))
                    .isInstanceOf(UnparseableException.class)
                    .hasMessage("empty line");
        }
    }

    @Test
    void invalidUtf8AndHugeLinesStaySane() throws UnparseableException {
        byte[] line = {'[', 'E', 'R', 'R', 'O', 'R', ']', ' ', (byte) 0xFE, 'x'};
        CompactEvent e = Parsed.one(FORMAT, line, RECORD);
        assertThat(e.level).isEqualTo(Level.ERROR);
        assertThat(e.message).isEqualTo("\uFFFDx");
        String big = "z".repeat(1 << 20);
        assertLine("2026-11-26T10:00:00Z ERROR " + big, "2026-11-26T10:00:00Z", Level.ERROR, big);
    }
}
