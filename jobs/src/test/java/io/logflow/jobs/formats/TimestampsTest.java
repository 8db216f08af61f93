package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.Parsed.millis;
import static io.logflow.jobs.formats.Timestamps.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static long rfc3164(String s, String record) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Timestamps.parseRfc3164(b, 0, b.length, millis(record));
    }

    private static long clf(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Timestamps.parseClf(b, 0, b.length);
    }

    @Test
    void readsRfc3339WithOffsetsAndFractionsOfAnyLength() {
        long base = millis("2026-11-26T10:00:00Z");
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00Z")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26t10:00:00z")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26 10:00:00Z")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26T11:00:00+01:00")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26T11:00:00+0100")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26T11:00:00+01")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26T03:00:00-07:00")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.1Z")).isEqualTo(base + 100);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.12Z")).isEqualTo(base + 120);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.123Z")).isEqualTo(base + 123);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.123456Z")).isEqualTo(base + 123);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.123456789Z")).isEqualTo(base + 123);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.9999999999999Z")).isEqualTo(base + 999);
        // No zone (log4j's default layout): UTC; a comma before the fraction is ISO too.
        assertThat(Timestamps.parseIso("2026-11-26 10:00:00,123")).isEqualTo(base + 123);
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00")).isEqualTo(base);
        assertThat(Timestamps.parseIso("2024-02-29T00:00:00Z"))
                .isEqualTo(millis("2024-02-29T00:00:00Z"));
        assertThat(Timestamps.parseIso("1970-01-01T00:00:00Z")).isZero();
    }

    @Test
    void fallsBackToJavaTimeForRarerShapes() {
        assertThat(Timestamps.parseIso("2026-11-26T11:00+01:00"))
                .isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(Timestamps.parseIso("2026-11-26T10:00"))
                .isEqualTo(millis("2026-11-26T10:00:00Z"));
        // java.time takes a point with no digits after it; the fast path leaves that to it.
        assertThat(Timestamps.parseIso("2026-11-26T10:00:00.Z"))
                .isEqualTo(millis("2026-11-26T10:00:00Z"));
    }

    @Test
    void rejectsWhatIsNoDateTime() {
        for (String bad :
                new String[] {
                    "",
                    " ",
                    "garbage",
                    "2026-13-01T00:00:00Z",
                    "2026-02-29T00:00:00Z",
                    "2026-11-31T00:00:00Z",
                    "2026-11-26T24:00:00Z",
                    "2026-11-26T10:60:00Z",
                    "2026-11-26T10:00:00+25:00",
                    "2026-11-26X10:00:00Z",
                    "2026-11-26T10:00:00Z trailing",
                    "20261126T100000Z",
                    "2026-11-26"
                }) {
            assertThat(Timestamps.parseIso(bad)).as(bad).isEqualTo(INVALID);
        }
    }

    @Test
    void fastPathAgreesWithJavaTime() {
        Random random = new Random(7);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
        for (int i = 0; i < 20_000; i++) {
            long t = (long) (random.nextDouble() * 4_102_444_800_000L); // 1970 to 2100
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 1800);
            String s = OffsetDateTime.ofInstant(Instant.ofEpochMilli(t), offset).format(f);
            assertThat(Timestamps.parseIso(s)).as(s).isEqualTo(t);
        }
    }

    @Test
    void isoLengthFindsTheEndOfALeadingTimestamp() {
        byte[] b = "2026-11-26T10:00:00.123+01:00 rest".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.isoLength(b, 0, b.length)).isEqualTo(29);
        byte[] log4j = "2026-11-26 10:00:00,123 WARN x".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.isoLength(log4j, 0, log4j.length)).isEqualTo(23);
        byte[] none = "Oct 11 22:14:15".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.isoLength(none, 0, none.length)).isEqualTo(-1);
    }

    @Test
    void readsEpochNumbersByMagnitude() {
        long t = 1_732_615_200_123L;
        assertThat(Timestamps.parseEpoch("1732615200")).isEqualTo(1_732_615_200_000L);
        assertThat(Timestamps.parseEpoch("1732615200.123")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("1732615200.1239")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("1732615200.5")).isEqualTo(1_732_615_200_500L);
        assertThat(Timestamps.parseEpoch("1732615200123")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("1732615200123.9")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("1732615200123456")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("1732615200123456789")).isEqualTo(t);
        assertThat(Timestamps.parseEpoch("0")).isZero();
        // The thresholds: 1e11 is the first millis value, 1e14 micros, 1e17 nanos.
        assertThat(Timestamps.parseEpoch("99999999999")).isEqualTo(99_999_999_999_000L);
        assertThat(Timestamps.parseEpoch("100000000000")).isEqualTo(100_000_000_000L);
        assertThat(Timestamps.parseEpoch("99999999999999")).isEqualTo(99_999_999_999_999L);
        assertThat(Timestamps.parseEpoch("100000000000000")).isEqualTo(100_000_000_000L);
        assertThat(Timestamps.parseEpoch("99999999999999999")).isEqualTo(99_999_999_999_999L);
        assertThat(Timestamps.parseEpoch("100000000000000000")).isEqualTo(100_000_000_000L);
        assertThat(Timestamps.fromEpoch(1_732_615_200L)).isEqualTo(1_732_615_200_000L);
        assertThat(Timestamps.fromEpoch(1_732_615_200_123_456L)).isEqualTo(t);
        assertThat(Timestamps.fromEpoch(-1)).isEqualTo(INVALID);
        for (String bad :
                new String[] {"", "-5", "12a", "1.", ".5", "1e9", "99999999999999999999"}) {
            assertThat(Timestamps.parseEpoch(bad)).as(bad).isEqualTo(INVALID);
        }
    }

    @Test
    void readsCommonLogFormatTimes() {
        assertThat(clf("10/Oct/2000:13:55:36 -0700")).isEqualTo(millis("2000-10-10T20:55:36Z"));
        assertThat(clf("26/Nov/2026:10:00:00 +0000")).isEqualTo(millis("2026-11-26T10:00:00Z"));
        assertThat(clf("01/Jan/2027:00:30:00 +0530")).isEqualTo(millis("2026-12-31T19:00:00Z"));
        assertThat(clf("26/nov/2026:10:00:00 +0000")).isEqualTo(millis("2026-11-26T10:00:00Z"));
        for (String bad :
                new String[] {
                    "",
                    "10/Oct/2000:13:55:36",
                    "10/Foo/2000:13:55:36 -0700",
                    "32/Oct/2000:13:55:36 -0700",
                    "10/Oct/2000:25:55:36 -0700",
                    "10/Oct/2000 13:55:36 -0700",
                    "10/Oct/2000:13:55:36 *0700"
                }) {
            assertThat(clf(bad)).as(bad).isEqualTo(INVALID);
        }
    }

    @Test
    void readsRfc3164TimesInTheRecordsYearAsUtc() {
        assertThat(rfc3164("Oct 11 22:14:15", "2026-10-12T08:00:00Z"))
                .isEqualTo(millis("2026-10-11T22:14:15Z"));
        assertThat(rfc3164("Oct  1 22:14:15", "2026-10-12T08:00:00Z"))
                .isEqualTo(millis("2026-10-01T22:14:15Z"));
        assertThat(rfc3164("Oct 1 22:14:15", "2026-10-12T08:00:00Z"))
                .isEqualTo(millis("2026-10-01T22:14:15Z"));
        assertThat(rfc3164("Feb 29 12:00:00", "2028-03-01T00:00:00Z"))
                .isEqualTo(millis("2028-02-29T12:00:00Z"));
        for (String bad :
                new String[] {
                    "",
                    "Oct 11",
                    "Foo 11 22:14:15",
                    "Oct 32 22:14:15",
                    "Oct 11 22:61:15",
                    "Oct 11 22-14-15",
                    "Feb 30 00:00:00"
                }) {
            assertThat(rfc3164(bad, "2026-10-12T08:00:00Z")).as(bad).isEqualTo(INVALID);
        }
        // Feb 29 with no leap year among the record's year and its neighbours.
        assertThat(rfc3164("Feb 29 12:00:00", "2026-03-01T00:00:00Z")).isEqualTo(INVALID);
    }

    @Test
    void picksTheYearNearestTheRecordAcrossNewYear() {
        // A Dec 31 line read on Jan 1 is last year's.
        assertThat(rfc3164("Dec 31 23:59:59", "2027-01-01T00:00:05Z"))
                .isEqualTo(millis("2026-12-31T23:59:59Z"));
        // A Jan 1 line stamped Dec 31 (a sender's clock a little ahead) is next year's.
        assertThat(rfc3164("Jan  1 00:00:01", "2026-12-31T23:59:58Z"))
                .isEqualTo(millis("2027-01-01T00:00:01Z"));
        // Nearest, whichever side: half a year back loses to five and a half months ahead.
        assertThat(rfc3164("Jun 15 12:00:00", "2026-12-31T23:59:58Z"))
                .isEqualTo(millis("2027-06-15T12:00:00Z"));
        assertThat(rfc3164("Jun 15 12:00:00", "2026-12-10T00:00:00Z"))
                .isEqualTo(millis("2026-06-15T12:00:00Z"));
        assertThat(Timestamps.withNearestYear(1, 1, 0, millis("2026-12-20T00:00:00Z")))
                .isEqualTo(millis("2027-01-01T00:00:00Z"));
    }
}
