package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.Parsed.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    private static final long RECORD = millis("2026-11-26T10:00:05Z");
    private static final SyslogFormat FORMAT = new SyslogFormat(Parsed.SETTINGS);
    private static final String BOM = "\uFEFF";

    private static CompactEvent parse(String line) throws UnparseableException {
        return Parsed.one(FORMAT, line, RECORD);
    }

    private static String framed(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }

    private static void assertUnparseable(String line, String reason) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOf(UnparseableException.class)
                .hasMessage(reason);
    }

    @Test
    void readsTheRfc5424Examples() throws UnparseableException {
        CompactEvent su =
                parse(
                        "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
                                + BOM
                                + "'su root' failed for lonvick on /dev/pts/8");
        assertThat(su.timestamp).isEqualTo(millis("2003-10-11T22:14:15.003Z"));
        assertThat(su.level).isEqualTo(Level.FATAL); // 34 = auth (4) * 8 + critical (2)
        assertThat(su.host).isEqualTo("mymachine.example.com");
        assertThat(su.service).isEqualTo("su");
        assertThat(su.message).isEqualTo("'su root' failed for lonvick on /dev/pts/8");

        CompactEvent donuts =
                parse(
                        "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - -"
                                + " %% It's time to make the do-nuts.");
        assertThat(donuts.timestamp).isEqualTo(millis("2003-08-24T12:14:15Z"));
        assertThat(donuts.level).isEqualTo(Level.INFO); // severity 5, notice
        assertThat(donuts.host).isEqualTo("192.0.2.1");
        assertThat(donuts.service).isEqualTo("myproc");
        assertThat(donuts.message).isEqualTo("%% It's time to make the do-nuts.");

        CompactEvent sd =
                parse(
                        "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
                                + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\""
                                + " eventID=\"1011\"] "
                                + BOM
                                + "An application event log entry...");
        assertThat(sd.service).isEqualTo("evntslog");
        assertThat(sd.message).isEqualTo("An application event log entry...");

        CompactEvent noMsg =
                parse(
                        "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
                                + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\""
                                + " eventID=\"1011\"][examplePriority@32473 class=\"high\"]");
        assertThat(noMsg.message).isEmpty();
        assertThat(noMsg.timestamp).isEqualTo(millis("2003-10-11T22:14:15.003Z"));
    }

    @Test
    void readsNilValuesAndEscapesInStructuredData() throws UnparseableException {
        CompactEvent nil = parse("<14>1 - - - - - -");
        assertThat(nil.timestamp).isEqualTo(RECORD);
        assertThat(nil.host).isNull();
        assertThat(nil.service).isEqualTo(Parsed.SERVICE);
        assertThat(nil.level).isEqualTo(Level.INFO);
        assertThat(nil.message).isEmpty();

        CompactEvent escaped =
                parse(
                        "<11>1 2026-11-26T10:00:00Z web-1 checkout 42 - [meta@1 a=\"x\\]y\\\"z [\"]"
                                + " payment failed\n");
        assertThat(escaped.level).isEqualTo(Level.ERROR);
        assertThat(escaped.message).isEqualTo("payment failed");
        assertThat(escaped.service).isEqualTo("checkout");
    }

    @Test
    void readsOctetCountedFramesOneEventEach() throws UnparseableException {
        String a = "<34>1 2003-10-11T22:14:15.003Z host-a su - ID47 - first";
        String b = "<30>Nov 26 10:00:00 host-b sshd[9]: second";
        CompactEvent single = parse(framed(a));
        assertThat(single.message).isEqualTo("first");
        List<CompactEvent> both =
                Parsed.all(
                        FORMAT,
                        (framed(a) + framed(b) + "\n").getBytes(StandardCharsets.UTF_8),
                        RECORD);
        assertThat(both).extracting(e -> e.message).containsExactly("first", "second");
        assertThat(both).extracting(e -> e.host).containsExactly("host-a", "host-b");
        assertThat(both).extracting(e -> e.service).containsExactly("su", "sshd");
        assertThat(both.get(1).timestamp).isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(both.get(1).level).isEqualTo(Level.INFO);
        assertUnparseable(
                "500 <34>1 - - - - - - short", "octet count 500 exceeds the 23 bytes that follow");
        assertUnparseable("12x <34>", "octet count at byte 0 is not a number");
    }

    @Test
    void readsRfc3164FromRsyslogWithAndWithoutPid() throws UnparseableException {
        CompactEvent su =
                parse(
                        "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on"
                                + " /dev/pts/8");
        assertThat(su.timestamp).isEqualTo(millis("2026-10-11T22:14:15Z"));
        assertThat(su.level).isEqualTo(Level.FATAL);
        assertThat(su.host).isEqualTo("mymachine");
        assertThat(su.service).isEqualTo("su");
        assertThat(su.message).isEqualTo("'su root' failed for lonvick on /dev/pts/8");

        CompactEvent sshd =
                parse(
                        "<38>Nov 26 09:59:58 web-1 sshd[1234]: Accepted publickey for deploy from"
                                + " 10.0.0.5 port 51234 ssh2");
        assertThat(sshd.timestamp).isEqualTo(millis("2026-11-26T09:59:58Z"));
        assertThat(sshd.level).isEqualTo(Level.INFO);
        assertThat(sshd.host).isEqualTo("web-1");
        assertThat(sshd.service).isEqualTo("sshd");
        assertThat(sshd.message)
                .isEqualTo("Accepted publickey for deploy from 10.0.0.5 port 51234 ssh2");

        CompactEvent kernel =
                parse("<4>Nov  1 00:00:00 host kernel: Out of memory: Kill process 7");
        assertThat(kernel.timestamp).isEqualTo(millis("2026-11-01T00:00:00Z"));
        assertThat(kernel.level).isEqualTo(Level.WARN);
        assertThat(kernel.message).isEqualTo("Out of memory: Kill process 7");
    }

    @Test
    void readsRfc3164WithoutHostTagOrTimestamp() throws UnparseableException {
        CompactEvent local = parse("<78>Nov 26 10:00:00 CRON[99]: (root) CMD (run-parts)");
        assertThat(local.host).isNull();
        assertThat(local.service).isEqualTo("CRON");
        assertThat(local.level).isEqualTo(Level.INFO); // 78 = cron (9) * 8 + informational (6)
        assertThat(local.message).isEqualTo("(root) CMD (run-parts)");

        CompactEvent noTag = parse("<15>Nov 26 10:00:00 host just text here");
        assertThat(noTag.host).isEqualTo("host");
        assertThat(noTag.service).isEqualTo(Parsed.SERVICE);
        assertThat(noTag.level).isEqualTo(Level.DEBUG);
        assertThat(noTag.message).isEqualTo("just text here");

        CompactEvent noTime = parse("<13>myapp: hello");
        assertThat(noTime.timestamp).isEqualTo(RECORD);
        assertThat(noTime.service).isEqualTo("myapp");
        assertThat(noTime.host).isNull();
        assertThat(noTime.message).isEqualTo("hello");

        CompactEvent iso = parse("<11>2026-11-26T10:00:00.5Z host app[1]: boom");
        assertThat(iso.timestamp).isEqualTo(millis("2026-11-26T10:00:00.500Z"));
        assertThat(iso.level).isEqualTo(Level.ERROR);
        assertThat(iso.service).isEqualTo("app");
    }

    @Test
    void rfc3164TakesTheYearNearestTheRecordBothWays() throws UnparseableException {
        byte[] lastYear = "<13>Dec 31 23:59:59 host app: x".getBytes(StandardCharsets.US_ASCII);
        assertThat(Parsed.one(FORMAT, lastYear, millis("2027-01-01T00:00:05Z")).timestamp)
                .isEqualTo(millis("2026-12-31T23:59:59Z"));
        byte[] nextYear = "<13>Jan  1 00:00:01 host app: x".getBytes(StandardCharsets.US_ASCII);
        assertThat(Parsed.one(FORMAT, nextYear, millis("2026-12-31T23:59:58Z")).timestamp)
                .isEqualTo(millis("2027-01-01T00:00:01Z"));
    }

    @Test
    void badRecordsAreUnparseableWithTheReason() {
        assertUnparseable("", "empty syslog record");
        assertUnparseable(" \n", "empty syslog record");
        assertUnparseable(
                "Oct 11 22:14:15 mymachine su: hi", "no PRI: a syslog message starts with <0-191>");
        assertUnparseable("<192>1 - - - - - -", "bad PRI: expected <0-191>");
        assertUnparseable("<ab>Oct 11 22:14:15 host x", "bad PRI: expected <0-191>");
        assertUnparseable("<>x", "bad PRI: expected <0-191>");
        assertUnparseable("<1234>x", "bad PRI: expected <0-191>");
        assertUnparseable("<34", "bad PRI: expected <0-191>");
        assertUnparseable(
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com",
                "truncated header: ends in or before HOSTNAME");
        assertUnparseable(
                "<34>1 2003-10-11T22:14:15.003Z h a p m",
                "truncated header: ends in or before MSGID");
        assertUnparseable("<34>1 yesterday h a p m -", "TIMESTAMP is not RFC 3339");
        assertUnparseable(
                "<34>1 - h a p m [x@1 a=\"b\"", "STRUCTURED-DATA element has no closing ]");
        assertUnparseable("<34>1 - h a p m x", "STRUCTURED-DATA is neither - nor [...]");
        assertUnparseable("<34>1 - h a p m -x", "no space after STRUCTURED-DATA");
        assertUnparseable("<34>Oct 32 22:14:15 host x", "TIMESTAMP is not Mmm dd HH:mm:ss");
    }

    @Test
    void invalidUtf8AndHugeMessagesStaySane() throws UnparseableException {
        byte[] head = "<14>1 - h app - - - bad ".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0xFF;
        assertThat(Parsed.one(FORMAT, line, RECORD).message).isEqualTo("bad \uFFFD");

        String big = "x".repeat(1 << 20);
        assertThat(parse("<14>Nov 26 10:00:00 host app: " + big).message).isEqualTo(big);
        assertThat(parse(framed("<14>1 - h app - - - " + big)).message).isEqualTo(big);
    }
}
