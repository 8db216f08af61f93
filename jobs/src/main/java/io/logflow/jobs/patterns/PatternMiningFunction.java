package io.logflow.jobs.patterns;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.LogPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>The service's {@link TemplateMiner} lives in keyed value state, so template ids and the
 * first-seen and first-error facts survive restarts. Window counts live in keyed map state under
 * (window start, template id) and are removed once emitted. Events whose window was already emitted
 * are late: they are counted in the {@code latePatternEvents} metric and leave no trace, so the
 * miner never learns from a line whose window can no longer report it.
 */
public class PatternMiningFunction extends KeyedProcessFunction<String, CompactEvent, LogPattern> {

    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<TemplateMiner> MINER =
            new ValueStateDescriptor<>("template-miner", TemplateMinerTypeInfo.INSTANCE);
    static final MapStateDescriptor<Tuple2<Long, Long>, WindowCount> COUNTS =
            new MapStateDescriptor<>(
                    "template-window-counts",
                    Types.TUPLE(Types.LONG, Types.LONG),
                    Types.POJO(WindowCount.class));

    private final PatternSettings settings;
    private transient ValueState<TemplateMiner> miner;
    private transient MapState<Tuple2<Long, Long>, WindowCount> counts;
    private transient Counter late;
    private transient Counter evicted;

    public PatternMiningFunction(PatternSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        miner = getRuntimeContext().getState(MINER);
        counts = getRuntimeContext().getMapState(COUNTS);
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
        TemplateMiner m = miner.value();
        if (m == null) {
            m = new TemplateMiner(settings);
        } else if (m.settings() != settings) {
            // After a restore the miner holds an equal copy, or older settings: adopting this
            // instance once lets every later event skip the comparison.
            m.reconfigure(settings);
        }
        String message = event.message;
        long evictedBefore = m.evictedCount();
        Template t = m.addTemplate(message);
        evicted.inc(m.evictedCount() - evictedBefore);
        t.firstSeen = Math.min(t.firstSeen, ts);
        boolean error = event.isError();
        boolean firstError = error && !t.errorSeen;
        t.errorSeen |= error;
        miner.update(m);

        Tuple2<Long, Long> key = Tuple2.of(start, t.id);
        WindowCount c = counts.get(key);
        if (c == null) {
            c = new WindowCount();
            c.example = truncate(message, settings.exampleMaxLength());
            // Only a fallback for a template evicted before the window ends; the emitted text
            // is the live template's, so there is no need to join its tokens on every event.
            c.template = t.text();
            // One timer per window: every (window, template) entry is new once, so the first
            // entry of a window registers it; registering on every event cost a set lookup each.
            ctx.timerService().registerEventTimeTimer(lastMillis);
        }
        c.count++;
        c.errorCount += error ? 1 : 0;
        c.firstSeen = t.firstSeen;
        c.newTemplate |= t.count == 1;
        c.newError |= firstError;
        counts.put(key, c);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LogPattern> out)
            throws Exception {
        long size = settings.windowSize().toMillis();
        long start = timestamp + 1 - size;
        List<Map.Entry<Tuple2<Long, Long>, WindowCount>> due = new ArrayList<>();
        for (Map.Entry<Tuple2<Long, Long>, WindowCount> e : counts.entries()) {
            if (e.getKey().f0 == start) {
                due.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        due.sort(Comparator.comparing(e -> e.getKey().f1));
        TemplateMiner m = miner.value();
        for (Map.Entry<Tuple2<Long, Long>, WindowCount> e : due) {
            long id = e.getKey().f1;
            WindowCount c = e.getValue();
            Template live = m == null ? null : m.template(id);
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
            counts.remove(e.getKey());
        }
        if (counts.isEmpty()) {
            counts.clear();
        }
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
