package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.Windows.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Alert;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import java.io.Serializable;
import java.time.Instant;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * A savepoint of the detectors' earlier layout (several value states per service, written here
 * under the old names and types) restores into today's detectors with baselines, warm-ups and
 * firing alerts intact, and the old states are gone once read.
 */
class LegacyDetectorStateTest {

    private static final double[] NORMAL = {0.010, 0.012, 0.011, 0.009, 0.010};

    @Test
    void aFiringErrorRateAlertOfTheOldLayoutResolvesAfterTheUpgrade() throws Exception {
        String id = "checkout|ERROR_RATE_SPIKE|" + at(5);
        OperatorSubtaskState old =
                oldLayout(
                        window("checkout", 5, 1000, 0.30, 100.0),
                        WindowStats::getService,
                        ctx -> {
                            ctx.getState(
                                            new ValueStateDescriptor<>(
                                                    "error_rate_spike-baseline",
                                                    PrimitiveArrayTypeInfo
                                                            .DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO))
                                    .update(NORMAL);
                            ctx.getState(
                                            new ValueStateDescriptor<>(
                                                    "error_rate_spike-firing", Types.STRING))
                                    .update(id);
                            ctx.getState(
                                            new ValueStateDescriptor<>(
                                                    "error_rate_spike-cleanup", Types.LONG))
                                    .update(6 * STEP + TTL.toMillis());
                        });
        try (var h = restored(new ErrorRateSpikeDetector(settings().build()), old)) {
            send(h, window("checkout", 6, 1000, 0.010, 100.0));
            assertThat(h.extractOutputValues()).isEmpty();
            send(h, window("checkout", 7, 1000, 0.011, 100.0));
            assertThat(h.extractOutputValues())
                    .extracting(a -> a.getAlertId() + " " + a.getState())
                    .containsExactly(id + " RESOLVED");
            // The baseline came along: the resolution names its median.
            assertThat(h.extractOutputValues().get(0).getBaseline()).isEqualTo(0.010);
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void aFiringSilenceOfTheOldLayoutResolvesWhenTheServiceSendsAgain() throws Exception {
        String id = "auth|SILENCE|" + at(3);
        OperatorSubtaskState old =
                oldLayout(
                        window("auth", 1, 500, 0.0, null),
                        WindowStats::getService,
                        ctx -> {
                            ctx.getState(new ValueStateDescriptor<>("last-end", Types.LONG))
                                    .update(2 * STEP);
                            ctx.getState(new ValueStateDescriptor<>("timer", Types.LONG))
                                    .update(2 * STEP + TTL.toMillis());
                            ctx.getState(new ValueStateDescriptor<>("firing", Types.STRING))
                                    .update(id);
                            ctx.getState(new ValueStateDescriptor<>("windows-seen", Types.INT))
                                    .update(5);
                        });
        try (var h = restored(new SilenceDetector(settings().build()), old)) {
            send(h, window("auth", 9, 20, 0.0, null));
            assertThat(h.extractOutputValues())
                    .extracting(a -> a.getAlertId() + " " + a.getState())
                    .containsExactly(id + " RESOLVED");
            assertThat(h.extractOutputValues().get(0).getEvidence())
                    .containsEntry("silentSince", Instant.ofEpochMilli(2 * STEP).toString());
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void theOldLayoutsWarmUpCarriesOverSoANewErrorFiresAtOnce() throws Exception {
        OperatorSubtaskState old =
                oldLayout(
                        pattern(3, 0),
                        LogPattern::getService,
                        ctx -> {
                            ctx.getState(new ValueStateDescriptor<>("windows", Types.INT))
                                    .update(4);
                            ctx.getState(new ValueStateDescriptor<>("last-start", Types.LONG))
                                    .update(3 * STEP);
                            ctx.getState(new ValueStateDescriptor<>("cleanup", Types.LONG))
                                    .update(4 * STEP + TTL.toMillis());
                        });
        NewErrorTemplateDetector detector =
                new NewErrorTemplateDetector(
                        settings().templateWarmupWindows(3).templateMinErrors(3).build());
        try (var h = restored(detector, old)) {
            // A detector starting afresh would still be warming up and stay quiet here.
            h.processElement(pattern(4, 6), 5 * STEP - 1);
            assertThat(h.extractOutputValues())
                    .extracting(a -> a.getAlertId() + " " + a.getState())
                    .containsExactly("checkout|NEW_ERROR_TEMPLATE|" + at(4) + "|7 FIRING");
            assertThat(h.numKeyedStateEntries()).isEqualTo(2); // the warm-up and the watch
        }
    }

    private static LogPattern pattern(int n, long errors) {
        return LogPattern.newBuilder()
                .setService("checkout")
                .setWindowStart(Instant.ofEpochMilli(n * STEP))
                .setWindowEnd(Instant.ofEpochMilli((n + 1) * STEP))
                .setTemplateId(7)
                .setTemplate("LedgerDrift in shard <*>")
                .setCount(Math.max(errors, 1))
                .setErrorCount(errors)
                .setFirstSeen(Instant.ofEpochMilli(n * STEP + 5))
                .setExample("LedgerDrift in shard 4")
                .setNewTemplate(errors > 0)
                .setNewError(errors > 0)
                .build();
    }

    /** What writes the old layout's states for the key of one element. */
    private interface OldStates extends Serializable {
        void write(RuntimeContext ctx) throws Exception;
    }

    /** A snapshot of an operator that wrote {@code states} for the key of {@code element}. */
    private static <T> OperatorSubtaskState oldLayout(
            T element, KeySelector<T, String> key, OldStates states) throws Exception {
        KeyedProcessFunction<String, T, Alert> writer =
                new KeyedProcessFunction<>() {
                    @Override
                    public void processElement(T value, Context ctx, Collector<Alert> out)
                            throws Exception {
                        states.write(getRuntimeContext());
                    }
                };
        try (var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(writer, key, Types.STRING)) {
            h.processElement(element, 0);
            return h.snapshot(1, 1);
        }
    }

    private static <T> KeyedOneInputStreamOperatorTestHarness<String, T, Alert> restored(
            KeyedProcessFunction<String, T, Alert> detector, OperatorSubtaskState old)
            throws Exception {
        KeySelector<T, String> key =
                detector instanceof NewErrorTemplateDetector
                        ? t -> ((LogPattern) t).getService()
                        : t -> ((WindowStats) t).getService();
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(
                                detector),
                        key,
                        Types.STRING);
        h.initializeState(old);
        h.open();
        return h;
    }
}
