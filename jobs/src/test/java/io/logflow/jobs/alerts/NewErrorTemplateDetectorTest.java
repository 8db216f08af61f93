package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.LogPattern;
import java.time.Instant;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class NewErrorTemplateDetectorTest {

    private static final long ACCESS = 1;
    private static final long LEDGER = 7;

    private static KeyedOneInputStreamOperatorTestHarness<String, LogPattern, Alert> harness()
            throws Exception {
        return Windows.harness(
                new NewErrorTemplateDetector(
                        settings().templateWarmupWindows(3).templateMinErrors(3).build()),
                LogPattern::getService);
    }

    private static LogPattern pattern(int n, long id, long errors, boolean newError) {
        return LogPattern.newBuilder()
                .setService("checkout")
                .setWindowStart(Instant.ofEpochMilli(n * STEP))
                .setWindowEnd(Instant.ofEpochMilli((n + 1) * STEP))
                .setTemplateId(id)
                .setTemplate(id == ACCESS ? "GET <*> 200 <*>ms" : "LedgerDrift in shard <*>")
                .setCount(errors == 0 ? 100 : errors)
                .setErrorCount(errors)
                .setFirstSeen(Instant.ofEpochMilli(n * STEP + 5))
                .setExample(id == ACCESS ? "GET /api/cart 200 12ms" : "LedgerDrift in shard 4")
                .setNewTemplate(newError)
                .setNewError(newError)
                .build();
    }

    /** One window of patterns, then the watermark that closes it. */
    private static void window(
            KeyedOneInputStreamOperatorTestHarness<String, LogPattern, Alert> h,
            int n,
            LogPattern... patterns)
            throws Exception {
        for (LogPattern p : patterns) {
            h.processElement(p, (n + 1) * STEP - 1);
        }
        h.processWatermark((n + 1) * STEP - 1);
    }

    @Test
    void warmUpLearnsThenANewErrorFiresOnceAndResolvesWhenItStops() throws Exception {
        try (var h = harness()) {
            window(h, 0, pattern(0, ACCESS, 0, false), pattern(0, 2, 5, true));
            window(h, 1, pattern(1, ACCESS, 0, false));
            window(h, 2, pattern(2, ACCESS, 0, false), pattern(2, 3, 4, true)); // still warming up
            window(h, 3, pattern(3, ACCESS, 0, false), pattern(3, LEDGER, 2, true));
            assertThat(h.extractOutputValues()).isEmpty();
            window(h, 4, pattern(4, ACCESS, 0, false), pattern(4, LEDGER, 6, false));
            window(h, 5, pattern(5, ACCESS, 0, false), pattern(5, LEDGER, 6, false));
            window(h, 6, pattern(6, ACCESS, 0, false));
            assertThat(h.extractOutputValues()).hasSize(1);
            window(h, 7, pattern(7, ACCESS, 0, false));
            assertThat(h.extractOutputValues()).hasSize(1);
            h.processWatermark(8 * STEP); // two windows without the template have passed

            assertThat(h.extractOutputValues()).hasSize(2);
            Alert firing = h.extractOutputValues().get(0);
            assertThat(firing.getAlertId())
                    .isEqualTo("checkout|NEW_ERROR_TEMPLATE|" + at(3) + "|" + LEDGER);
            assertThat(firing.getKind()).isEqualTo(AlertKind.NEW_ERROR_TEMPLATE);
            assertThat(firing.getState()).isEqualTo(AlertState.FIRING);
            assertThat(firing.getWindowStart()).isEqualTo(Instant.ofEpochMilli(4 * STEP));
            assertThat(firing.getValue()).isEqualTo(8.0);
            assertThat(firing.getThreshold()).isEqualTo(3.0);
            assertThat(firing.getEvidence())
                    .containsEntry("template", "LedgerDrift in shard <*>")
                    .containsEntry("example", "LedgerDrift in shard 4")
                    .containsEntry("templateId", "7");
            Alert resolved = h.extractOutputValues().get(1);
            assertThat(resolved.getAlertId()).isEqualTo(firing.getAlertId());
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getEventTime()).isEqualTo(Instant.ofEpochMilli(8 * STEP));

            h.processWatermark(8 * STEP + TTL.toMillis() + TTL.toMillis() / 8);
            assertThat(h.extractOutputValues()).hasSize(2);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aStrayLineOfARareTemplateIsNotAnIncident() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 4; n++) {
                window(h, n, pattern(n, ACCESS, 0, false));
            }
            window(h, 4, pattern(4, ACCESS, 0, false), pattern(4, LEDGER, 1, true));
            window(h, 5, pattern(5, ACCESS, 0, false), pattern(5, LEDGER, 1, false));
            window(h, 6, pattern(6, ACCESS, 0, false), pattern(6, LEDGER, 5, false));
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aWatermarkJumpOverTheQuietWindowsStillResolves() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 4; n++) {
                window(h, n, pattern(n, ACCESS, 0, false));
            }
            window(h, 4, pattern(4, LEDGER, 3, true));
            // A backlog: windows 5 to 8 close under one watermark; the template returns in 8.
            h.processElement(pattern(5, ACCESS, 0, false), 6 * STEP - 1);
            h.processElement(pattern(8, LEDGER, 4, false), 9 * STEP - 1);
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(h.extractOutputValues().get(1).getEventTime())
                    .isEqualTo(Instant.ofEpochMilli(7 * STEP));
        }
    }

    @Test
    void aBoundedInputResolvesWhatItsLaterWindowsShowQuiet() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 4; n++) {
                window(h, n, pattern(n, ACCESS, 0, false));
            }
            window(h, 4, pattern(4, LEDGER, 3, true));
            // The input's tail closes windows 5 to 8 under the final watermark only: other
            // templates' windows from 7 on show the two quiet windows after the last line.
            for (int n = 5; n <= 8; n++) {
                h.processElement(pattern(n, ACCESS, 0, false), (n + 1) * STEP - 1);
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            assertThat(h.extractOutputValues().get(1).getEventTime())
                    .isEqualTo(Instant.ofEpochMilli(7 * STEP));
        }
    }

    @Test
    void theEndOfABoundedInputResolvesNothing() throws Exception {
        try (var h = harness()) {
            for (int n = 0; n < 4; n++) {
                window(h, n, pattern(n, ACCESS, 0, false));
            }
            window(h, 4, pattern(4, LEDGER, 3, true));
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getState)
                    .containsExactly(AlertState.FIRING);
        }
    }
}
