package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.jobs.analytics.WindowSpec;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WindowPanesOperator} against what it replaces, Flink's window operator with an event-time
 * trigger, allowed lateness and a late-data side output (one per window definition, as the job had
 * it): the same stream of out-of-order and late events and watermarks must give the same results,
 * revisions, timestamps and late events. Windows stay below the sketches' exact sizes, so merged
 * panes and one accumulator per window agree to the last field.
 */
class WindowPanesOperatorTest {

    private static final Duration LATENESS = Duration.ofSeconds(5);
    private static final long BASE = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();

    /** One step of the input: an event at a timestamp, or a watermark when the event is null. */
    private record Step(LogEvent event, long time) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tumbling:10s",
                "tumbling:10s;sliding:30s/10s",
                "sliding:20s/5s;tumbling:30s",
                "tumbling:15s;tumbling:10s"
            })
    void givesWhatFlinksWindowOperatorGives(String windows) throws Exception {
        List<WindowSpec> specs = specs(windows);
        List<Step> input = input(3000, 7);

        List<String> expected = new ArrayList<>();
        List<List<Long>> expectedLate = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            OutputTag<CompactEvent> tag = tag(i);
            var h = harness(flinkWindows(specs.get(i), tag));
            h.open();
            run(h, input);
            expected.addAll(results(h));
            expectedLate.add(late(h, tag));
            h.close();
        }

        var h = harness(panes(specs));
        h.open();
        run(h, input);
        List<String> actual = results(h);
        List<List<Long>> actualLate = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            actualLate.add(late(h, tag(i)));
        }
        h.close();

        assertThat(actual).hasSize(expected.size());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actualLate).isEqualTo(expectedLate);
        // The input has late updates and events too late for any window, so both rules are met.
        assertThat(actual).anyMatch(r -> r.contains("\"revision\": 1"));
        assertThat(expectedLate.get(0)).isNotEmpty();
    }

    @Test
    void aRestoredSnapshotContinuesAsIfNothingHappened() throws Exception {
        List<WindowSpec> specs = specs("tumbling:10s;sliding:30s/10s");
        List<Step> input = input(2000, 11);
        int cut = input.size() / 2;

        var whole = harness(panes(specs));
        whole.open();
        run(whole, input);
        List<String> expected = results(whole);
        whole.close();

        var before = harness(panes(specs));
        before.setStateBackend(new EmbeddedRocksDBStateBackend());
        before.open();
        run(before, input.subList(0, cut));
        List<String> actual = new ArrayList<>(results(before));
        OperatorSubtaskState snapshot = before.snapshot(1, 1);
        before.close();

        var after = harness(panes(specs));
        after.setStateBackend(new EmbeddedRocksDBStateBackend());
        after.initializeState(snapshot);
        after.open();
        run(after, input.subList(cut, input.size()));
        actual.addAll(results(after));
        after.close();

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void firesOnTimeThenOncePerLateEventThenForgets() throws Exception {
        var h = harness(panes(specs("tumbling:10s")));
        h.open();
        send(h, "a", BASE + 1_000);
        send(h, "a", BASE + 2_000);
        h.processWatermark(BASE + 10_000);
        send(h, "a", BASE + 3_000); // late, within the lateness: revision 1
        h.processWatermark(BASE + 14_998); // one millisecond before the window is gone
        send(h, "a", BASE + 3_500); // revision 2
        h.processWatermark(BASE + 14_999); // the window's last millisecond + 5 s: gone
        send(h, "a", BASE + 4_000); // too late: the late output

        List<StreamRecord<WindowStats>> out = records(h);
        assertThat(out).extracting(r -> r.getValue().getRevision()).containsExactly(0, 1, 2);
        assertThat(out).extracting(r -> r.getValue().getCount()).containsExactly(2L, 3L, 4L);
        assertThat(out)
                .extracting(StreamRecord::getTimestamp)
                .containsExactly(BASE + 9_999, BASE + 9_999, BASE + 9_999);
        assertThat(out.get(0).getValue().getWindow()).isEqualTo("tumbling-10s");
        assertThat(out.get(0).getValue().getService()).isEqualTo("a");
        assertThat(out.get(0).getValue().getWindowStart()).isEqualTo(Instant.ofEpochMilli(BASE));
        assertThat(late(h, tag(0))).containsExactly(BASE + 4_000);
        assertThat(h.numKeyedStateEntries()).isZero();
        h.close();
    }

    @Test
    void keepsOneTimerPerServiceWhateverTheDefinitions() throws Exception {
        var h = harness(panes(specs("tumbling:10s;sliding:30s/10s;sliding:20s/5s")));
        h.open();
        for (int s = 0; s < 50; s++) {
            for (int e = 0; e < 40; e++) {
                send(h, "svc-" + s, BASE + e * 100L);
            }
        }
        // Flink's window operator: two timers per (service, window, definition), 50 * (2 + 6 + 8).
        assertThat(h.numEventTimeTimers()).isEqualTo(50);
        assertThat(h.numKeyedStateEntries()).isEqualTo(50);
        h.close();
    }

    private static List<WindowSpec> specs(String windows) {
        return Arrays.stream(windows.split(";")).map(WindowSpec::parse).toList();
    }

    private static OutputTag<CompactEvent> tag(int i) {
        return new OutputTag<>("late-" + i, CompactEventTypeInfo.INSTANCE);
    }

    private static WindowPanesOperator panes(List<WindowSpec> specs) {
        List<OutputTag<CompactEvent>> tags = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            tags.add(tag(i));
        }
        return new WindowPanesOperator(specs, LATENESS, new WindowStatsAggregate(), tags);
    }

    private static OneInputStreamOperator<CompactEvent, WindowStats> flinkWindows(
            WindowSpec spec, OutputTag<CompactEvent> late) {
        WindowAssigner<Object, TimeWindow> assigner =
                spec.isTumbling()
                        ? TumblingEventTimeWindows.of(spec.size())
                        : SlidingEventTimeWindows.of(spec.size(), spec.slide());
        WindowOperatorBuilder<CompactEvent, String, TimeWindow> b =
                new WindowOperatorBuilder<>(
                        assigner,
                        EventTimeTrigger.create(),
                        new ExecutionConfig(),
                        CompactEventTypeInfo.INSTANCE,
                        new ServiceKey(),
                        Types.STRING);
        b.allowedLateness(LATENESS);
        b.sideOutputLateData(late);
        return b.aggregate(
                new WindowStatsAggregate(),
                new WindowResultFunction(spec.name()),
                WindowAccumulatorTypeInfo.INSTANCE);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats>
            harness(OneInputStreamOperator<CompactEvent, WindowStats> operator) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, new ServiceKey(), Types.STRING);
        h.setup();
        return h;
    }

    /**
     * {@code n} events of three services about 60 ms apart, up to 3 s out of order, one in 25 by 20
     * s to 40 s (late or too late); a watermark 2 s behind the newest every 40 events.
     */
    private static List<Step> input(int n, long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long ts = BASE + i * 60L - random.nextInt(3_000);
            if (random.nextInt(25) == 0) {
                ts -= 20_000 + random.nextInt(20_000);
            }
            LogEvent e = SampleEvents.event(i, Instant.EPOCH);
            e.setTimestamp(Instant.ofEpochMilli(ts));
            steps.add(new Step(e, ts));
            newest = Math.max(newest, ts);
            if (i % 40 == 39) {
                steps.add(new Step(null, newest - 2_000));
            }
        }
        steps.add(new Step(null, Long.MAX_VALUE));
        return steps;
    }

    private static void run(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h,
            List<Step> steps)
            throws Exception {
        for (Step s : steps) {
            if (s.event() == null) {
                h.processWatermark(s.time());
            } else {
                h.processElement(CompactEvent.of(s.event()), s.time());
            }
        }
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h,
            String service,
            long ts)
            throws Exception {
        LogEvent e = SampleEvents.event(0, Instant.EPOCH);
        e.setService(service);
        e.setTimestamp(Instant.ofEpochMilli(ts));
        h.processElement(CompactEvent.of(e), ts);
    }

    private static List<StreamRecord<WindowStats>> records(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h) {
        List<StreamRecord<WindowStats>> out = new ArrayList<>();
        for (StreamRecord<? extends WindowStats> r : h.extractOutputStreamRecords()) {
            out.add(new StreamRecord<>(r.getValue(), r.getTimestamp()));
        }
        return out;
    }

    /** Every result with its timestamp, its emission time left out. */
    private static List<String> results(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h) {
        return records(h).stream()
                .map(
                        r -> {
                            WindowStats s = WindowStats.newBuilder(r.getValue()).build();
                            s.setEmittedAt(Instant.EPOCH);
                            return r.getTimestamp() + " " + s;
                        })
                .collect(Collectors.toList());
    }

    private static List<Long> late(
            KeyedOneInputStreamOperatorTestHarness<String, CompactEvent, WindowStats> h,
            OutputTag<CompactEvent> tag) {
        var queue = h.getSideOutput(tag);
        return queue == null
                ? List.of()
                : queue.stream().map(StreamRecord::getTimestamp).collect(Collectors.toList());
    }
}
