package io.logflow.jobs.patterns;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.state.Upgraded;
import io.logflow.schema.LogPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Mines log templates per service (the key) and counts them in tumbling event-time windows,
 * emitting one {@link LogPattern} per template seen in a window when the watermark passes its end.
 *
 * <p>The service's {@link TemplateMiner} and the counts of its windows not yet emitted live in one
 * keyed value state ({@link PatternState}), so template ids and the first-seen and first-error
 * facts survive restarts and an event costs one state lookup. Events whose window was already
 * emitted are late: they are counted in the {@code latePatternEvents} metric and leave no trace, so
 * the miner never learns from a line whose window can no longer report it.
 */
public class PatternMiningFunction extends KeyedProcessFunction<String, CompactEvent, LogPattern> {

    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<PatternState> STATE =
            new ValueStateDescriptor<>("patterns", PatternStateTypeInfo.INSTANCE);

    // The layout of jobs before December 2026: the miner alone, and the counts in a map state.
    // Still registered, so a service restored from such a savepoint moves over when first seen.
    static final ValueStateDescriptor<TemplateMiner> LEGACY_MINER =
            new ValueStateDescriptor<>("template-miner", TemplateMinerTypeInfo.INSTANCE);
    static final MapStateDescriptor<Tuple2<Long, Long>, WindowCount> LEGACY_COUNTS =
            new MapStateDescriptor<>(
                    "template-window-counts",
                    Types.TUPLE(Types.LONG, Types.LONG),
                    Types.POJO(WindowCount.class));

    private final PatternSettings settings;
    private transient ValueState<PatternState> state;
    private transient ValueState<TemplateMiner> legacyMiner;
    private transient MapState<Tuple2<Long, Long>, WindowCount> legacyCounts;
    private transient Counter late;
    private transient Counter evicted;

    public PatternMiningFunction(PatternSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        legacyMiner = getRuntimeContext().getState(LEGACY_MINER);
        legacyCounts = getRuntimeContext().getMapState(LEGACY_COUNTS);
        late = getRuntimeContext().getMetricGroup().counter("latePatternEvents");
        evicted = getRuntimeContext().getMetricGroup().counter("templatesEvicted");
    }

    @Override
    public void processElement(CompactEvent event, Context ctx, Collector<LogPattern> out)
            throws Exception {
        long ts = event.timestamp;
        long size = settings.windowSize().toMillis();
        long start = ts - Math.floorMod(ts, size);
        long lastMillis = start + size - 1;
        if (lastMillis <= ctx.timerService().currentWatermark()) {
            late.inc();
            return;
        }
        PatternState p = current();
        if (p == null) {
            p = new PatternState(new TemplateMiner(settings));
        } else if (p.miner.settings() != settings) {
            // After a restore the miner holds an equal copy, or older settings: adopting this
            // instance once lets every later event skip the comparison.
            p.miner.reconfigure(settings);
        }
        TemplateMiner m = p.miner;
        String message = event.message;
        long evictedBefore = m.evictedCount();
        Template t = m.addTemplate(message);
        evicted.inc(m.evictedCount() - evictedBefore);
        t.firstSeen = Math.min(t.firstSeen, ts);
        boolean error = event.isError();
        boolean firstError = error && !t.errorSeen;
        t.errorSeen |= error;

        PatternState.OpenWindow w = p.window(start);
        if (w == null) {
            w = p.open(start);
            // One timer per window, registered when its first count opens it.
            ctx.timerService().registerEventTimeTimer(lastMillis);
        }
        WindowCount c = w.counts().get(t.id);
        if (c == null) {
            c = new WindowCount();
            c.example = truncate(message, settings.exampleMaxLength());
            // Only a fallback for a template evicted before the window ends; the emitted text
            // is the live template's, so there is no need to join its tokens on every event.
            c.template = t.text();
            w.counts().put(t.id, c);
        }
        c.count++;
        c.errorCount += error ? 1 : 0;
        c.firstSeen = t.firstSeen;
        c.newTemplate |= t.count == 1;
        c.newError |= firstError;
        state.update(p);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LogPattern> out)
            throws Exception {
        long size = settings.windowSize().toMillis();
        long start = timestamp + 1 - size;
        PatternState p = current();
        PatternState.OpenWindow w = p == null ? null : p.close(start);
        if (w == null) {
            return;
        }
        List<Map.Entry<Long, WindowCount>> due = new ArrayList<>(w.counts().entrySet());
        due.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, WindowCount> e : due) {
            long id = e.getKey();
            WindowCount c = e.getValue();
            Template live = p.miner.template(id);
            out.collect(
                    LogPattern.newBuilder()
                            .setService(ctx.getCurrentKey())
                            .setWindowStart(Instant.ofEpochMilli(start))
                            .setWindowEnd(Instant.ofEpochMilli(start + size))
                            .setTemplateId(id)
                            .setTemplate(live != null ? live.text() : c.template)
                            .setCount(c.count)
                            .setErrorCount(c.errorCount)
                            .setFirstSeen(Instant.ofEpochMilli(c.firstSeen))
                            .setExample(c.example)
                            .setNewTemplate(c.newTemplate)
                            .setNewError(c.newError)
                            .build());
        }
        state.update(p);
    }

    /**
     * The service's state, moved over from the older layout the first time a service restored from
     * such a savepoint is seen (a service new to this job costs one more lookup, once).
     */
    private PatternState current() throws Exception {
        return Upgraded.value(state, this::takeLegacy);
    }

    private PatternState takeLegacy() throws Exception {
        TemplateMiner old = legacyMiner.value();
        if (old == null) {
            return null;
        }
        PatternState p = new PatternState(old);
        for (Map.Entry<Tuple2<Long, Long>, WindowCount> e : legacyCounts.entries()) {
            PatternState.OpenWindow w = p.window(e.getKey().f0);
            if (w == null) {
                w = p.open(e.getKey().f0);
            }
            w.counts().put(e.getKey().f1, e.getValue());
        }
        legacyMiner.clear();
        legacyCounts.clear();
        return p;
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        // Never split a surrogate pair: half a character is not valid UTF-8 on the way out.
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }
}
