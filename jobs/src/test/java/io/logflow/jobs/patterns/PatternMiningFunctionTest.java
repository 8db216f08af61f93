package io.logflow.jobs.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's windows, state clean-up, restore and cap, in Flink's keyed test harness. */
class PatternMiningFunctionTest {

    private static final PatternSettings SETTINGS =
            PatternSettings.defaults()
                    .withWindowSize(Duration.ofSeconds(10))
                    .withExampleMaxLength(20);

    private static KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> harness(
            PatternSettings settings) throws Exception {
        return harness(settings, "hashmap");
    }

    /** {@code rocksdb} serializes the miner on every access, so it exercises the serializer. */
    private static KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> harness(
            PatternSettings settings, String backend) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PatternMiningFunction(settings)),
                        (CompactEvent e) -> e.service,
                        Types.STRING);
        if (backend.equals("rocksdb")) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        h.setup();
        return h;
    }

    private static LogEvent event(String service, long ts, Level level, String message) {
        return LogEvent.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(ts))
                .setService(service)
                .setHost("h1")
                .setLevel(level)
                .setMessage(message)
                .build();
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> h, LogEvent e)
            throws Exception {
        h.processElement(CompactEvent.of(e), e.getTimestamp().toEpochMilli());
    }

    private static LogPattern pattern(
            String service,
            long start,
            long id,
            String template,
            long count,
            long errors,
            long firstSeen,
            String example,
            boolean newTemplate,
            boolean newError) {
        return LogPattern.newBuilder()
                .setService(service)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + 10_000))
                .setTemplateId(id)
                .setTemplate(template)
                .setCount(count)
                .setErrorCount(errors)
                .setFirstSeen(Instant.ofEpochMilli(firstSeen))
                .setExample(example)
                .setNewTemplate(newTemplate)
                .setNewError(newError)
                .build();
    }

    @Test
    void countsEachTemplatePerWindowAndEmitsOnTheWatermarkThenCleansUp() throws Exception {
        try (var h = harness(SETTINGS)) {
            h.open();
            send(h, event("checkout", 1_000, Level.INFO, "user 17 logged in"));
            send(h, event("checkout", 2_000, Level.ERROR, "payment 99 failed: timeout after 3 ms"));
            send(h, event("checkout", 3_000, Level.INFO, "user 18 logged in"));
            send(h, event("search", 4_000, Level.INFO, "query took 12 ms"));
            send(h, event("checkout", 5_000, Level.FATAL, "payment 7 failed: timeout after 9 ms"));
            send(h, event("checkout", 12_000, Level.INFO, "user 19 logged in"));
            assertThat(h.numEventTimeTimers()).isEqualTo(3);

            h.processWatermark(9_998);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processWatermark(9_999);
            assertThat(h.extractOutputValues())
                    .containsExactlyInAnyOrder(
                            pattern(
                                    "checkout",
                                    0,
                                    1,
                                    "user <*> logged in",
                                    2,
                                    0,
                                    1_000,
                                    "user 17 logged in",
                                    true,
                                    false),
                            pattern(
                                    "checkout",
                                    0,
                                    2,
                                    "payment <*> failed: timeout after <*>",
                                    2,
                                    2,
                                    2_000,
                                    "payment 99 failed: t…",
                                    true,
                                    true),
                            pattern(
                                    "search",
                                    0,
                                    1,
                                    "query took <*>",
                                    1,
                                    0,
                                    4_000,
                                    "query took 12 ms",
                                    true,
                                    false));
            // Left: one state object per service (checkout's holds its open second window) and
            // that window's timer.
            assertThat(h.numEventTimeTimers()).isEqualTo(1);
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);

            h.getOutput().clear();
            send(h, event("checkout", 15_000, Level.ERROR, "payment 8 failed: timeout after 1 ms"));
            send(h, event("checkout", 16_000, Level.ERROR, "user 20 logged in"));
            h.processWatermark(19_999);
            assertThat(h.extractOutputValues())
                    .containsExactly(
                            pattern(
                                    "checkout",
                                    10_000,
                                    1,
                                    "user <*> logged in",
                                    2,
                                    1,
                                    1_000,
                                    "user 19 logged in",
                                    false,
                                    true),
                            pattern(
                                    "checkout",
                                    10_000,
                                    2,
                                    "payment <*> failed: timeout after <*>",
                                    1,
                                    1,
                                    2_000,
                                    "payment 8 failed: ti…",
                                    false,
                                    false));
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.numKeyedStateEntries()).isEqualTo(2); // the miners, no window left
        }
    }

    @Test
    void lateEventsLeaveNoTrace() throws Exception {
        try (var h = harness(SETTINGS)) {
            h.open();
            send(h, event("checkout", 1_000, Level.INFO, "user 17 logged in"));
            h.processWatermark(10_000);
            h.getOutput().clear();
            send(h, event("checkout", 2_000, Level.ERROR, "disk 3 is full"));
            send(h, event("checkout", 11_000, Level.ERROR, "disk 4 is full"));
            h.processWatermark(20_000);
            // The late line neither counted nor taught the miner: the on-time one is new, id 2.
            assertThat(h.extractOutputValues())
                    .containsExactly(
                            pattern(
                                    "checkout",
                                    10_000,
                                    2,
                                    "disk <*> is full",
                                    1,
                                    1,
                                    11_000,
                                    "disk 4 is full",
                                    true,
                                    true));
        }
    }

    @ParameterizedTest(name = "state backend {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void idsAndFirstErrorFactsSurviveSnapshotAndRestore(String backend) throws Exception {
        List<LogEvent> before = new ArrayList<>();
        List<LogEvent> after = new ArrayList<>();
        String[] messages = {
            "user %d logged in",
            "payment %d failed",
            "cache %d miss for key k%d",
            "disk %d is full",
            "job %d done in %d ms"
        };
        for (int i = 0; i < 60; i++) {
            LogEvent e =
                    event(
                            i % 2 == 0 ? "checkout" : "search",
                            i * 700L,
                            i % 5 == 3 ? Level.ERROR : Level.INFO,
                            String.format(messages[(i * 3) % messages.length], i, i + 1));
            (i < 30 ? before : after).add(e);
        }
        PatternSettings settings = SETTINGS.withMaxTemplates(3);

        List<LogPattern> uninterrupted;
        try (var h = harness(settings, backend)) {
            h.open();
            for (LogEvent e : before) {
                send(h, e);
            }
            h.processWatermark(14_999);
            for (LogEvent e : after) {
                send(h, e);
            }
            h.processWatermark(Long.MAX_VALUE);
            uninterrupted = h.extractOutputValues();
        }

        OperatorSubtaskState snapshot;
        List<LogPattern> restored = new ArrayList<>();
        try (var h = harness(settings, backend)) {
            h.open();
            for (LogEvent e : before) {
                send(h, e);
            }
            h.processWatermark(14_999);
            restored.addAll(h.extractOutputValues());
            snapshot = h.snapshot(1L, 1L);
        }
        try (var h = harness(settings, backend)) {
            h.initializeState(snapshot);
            h.open();
            for (LogEvent e : after) {
                send(h, e);
            }
            h.processWatermark(Long.MAX_VALUE);
            restored.addAll(h.extractOutputValues());
        }
        assertThat(uninterrupted).hasSizeGreaterThan(10);
        assertThat(restored).containsExactlyElementsOf(uninterrupted);
    }

    @Test
    void aSnapshotOfTheOlderLayoutRestoresWithItsTemplatesAndOpenWindows() throws Exception {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(
                    event(
                            i % 2 == 0 ? "checkout" : "search",
                            i * 700L,
                            i % 7 == 3 ? Level.ERROR : Level.INFO,
                            String.format(i % 3 == 0 ? "disk %d is full" : "user %d in", i)));
        }
        List<LogEvent> before = events.subList(0, 25);
        List<LogEvent> after = events.subList(25, events.size());
        List<LogPattern> uninterrupted;
        try (var h = harness(SETTINGS)) {
            h.open();
            before.forEach(e -> sendUnchecked(h, e));
            h.processWatermark(9_999);
            after.forEach(e -> sendUnchecked(h, e));
            h.processWatermark(Long.MAX_VALUE);
            uninterrupted = h.extractOutputValues();
        }

        // What the older job kept: each service's miner, and its open windows' counts in a map
        // state keyed by (window start, template id), with one timer per open window.
        java.util.Map<String, PatternState> states = new java.util.HashMap<>();
        List<LogPattern> restored = new ArrayList<>();
        try (var h = harness(SETTINGS)) {
            h.open();
            before.forEach(e -> sendUnchecked(h, e));
            h.processWatermark(9_999);
            restored.addAll(h.extractOutputValues());
            for (String service : List.of("checkout", "search")) {
                states.put(service, stateOf(h, service).copy());
            }
        }
        OperatorSubtaskState old;
        var writer =
                new org.apache.flink.streaming.api.functions.KeyedProcessFunction<
                        String, CompactEvent, LogPattern>() {
                    @Override
                    public void processElement(
                            CompactEvent e,
                            Context ctx,
                            org.apache.flink.util.Collector<LogPattern> out)
                            throws Exception {
                        PatternState p = states.get(e.service);
                        getRuntimeContext()
                                .getState(PatternMiningFunction.LEGACY_MINER)
                                .update(p.miner);
                        var counts =
                                getRuntimeContext()
                                        .getMapState(PatternMiningFunction.LEGACY_COUNTS);
                        for (PatternState.OpenWindow w : p.windows) {
                            w.counts()
                                    .forEach(
                                            (id, c) ->
                                                    putUnchecked(
                                                            counts,
                                                            org.apache.flink.api.java.tuple.Tuple2
                                                                    .of(w.start(), id),
                                                            c));
                            ctx.timerService().registerEventTimeTimer(w.start() + 9_999);
                        }
                    }
                };
        try (var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(writer),
                        (CompactEvent e) -> e.service,
                        Types.STRING)) {
            h.open();
            h.processWatermark(9_999);
            send(h, before.get(0));
            send(h, before.get(1));
            old = h.snapshot(1L, 1L);
        }

        try (var h = harness(SETTINGS)) {
            h.initializeState(old);
            h.open();
            after.forEach(e -> sendUnchecked(h, e));
            h.processWatermark(Long.MAX_VALUE);
            restored.addAll(h.extractOutputValues());
            // One object per service is left; the older layout's entries were moved and cleared.
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        }
        assertThat(uninterrupted).hasSizeGreaterThan(6);
        // Timers of one timestamp may fire in another service order after a restore.
        assertThat(restored).containsExactlyInAnyOrderElementsOf(uninterrupted);
    }

    /** The operator's state object of {@code service}, as its keyed backend holds it. */
    private static PatternState stateOf(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> h,
            String service)
            throws Exception {
        AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) h.getOperator();
        op.setCurrentKey(service);
        return op.getKeyedStateBackend()
                .getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        PatternMiningFunction.STATE)
                .value();
    }

    private static void sendUnchecked(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, LogPattern> h,
            LogEvent e) {
        try {
            send(h, e);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    private static <K, V> void putUnchecked(
            org.apache.flink.api.common.state.MapState<K, V> state, K key, V value) {
        try {
            state.put(key, value);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    @Test
    void theMinerStaysWithinItsCap() throws Exception {
        try (var h = harness(SETTINGS.withMaxTemplates(2))) {
            h.open();
            String[] distinct = {
                "alpha one", "beta two three", "gamma four five six", "delta", "epsilon a b c d"
            };
            for (int i = 0; i < distinct.length; i++) {
                send(h, event("checkout", 100 + i, Level.INFO, distinct[i]));
            }
            TemplateMiner miner = stateOf(h, "checkout").miner;
            assertThat(miner.size()).isEqualTo(2);
            assertThat(miner.evictedCount()).isEqualTo(3);
            assertThat(miner.templates()).extracting(Template::id).containsExactly(4L, 5L);

            h.processWatermark(9_999);
            // Evicted templates still report their window, under their last known text.
            assertThat(h.extractOutputValues())
                    .extracting(LogPattern::getTemplateId, LogPattern::getTemplate)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L, "alpha one"),
                            org.assertj.core.groups.Tuple.tuple(2L, "beta two three"),
                            org.assertj.core.groups.Tuple.tuple(3L, "gamma four five six"),
                            org.assertj.core.groups.Tuple.tuple(4L, "delta"),
                            org.assertj.core.groups.Tuple.tuple(5L, "epsilon a b c d"));
        }
    }
}
