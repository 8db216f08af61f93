package io.logflow.jobs.alerts;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What {@link SilenceDetector} keeps per service, in one state object so a window costs one lookup
 * and one write: a Flink POJO.
 */
public final class SilenceState {

    /** End of the service's latest window. */
    public long lastEnd;

    /** The silence timer now registered. */
    public long timer;

    /** The firing SILENCE alert's id, null when not firing. */
    public String firingId;

    /** Windows seen, counted up to {@code alerts.min-baseline-windows} only. */
    public int windowsSeen;

    public SilenceState() {}

    /**
     * The four value states of jobs before December 2026: read once per service restored from such
     * a savepoint, then cleared, so an upgrade keeps silences and their alerts.
     */
    static final class Legacy {

        private final ValueState<Long> lastEnd;
        private final ValueState<Long> timer;
        private final ValueState<String> firingId;
        private final ValueState<Integer> windowsSeen;

        Legacy(RuntimeContext ctx) {
            lastEnd = ctx.getState(new ValueStateDescriptor<>("last-end", Types.LONG));
            timer = ctx.getState(new ValueStateDescriptor<>("timer", Types.LONG));
            firingId = ctx.getState(new ValueStateDescriptor<>("firing", Types.STRING));
            windowsSeen = ctx.getState(new ValueStateDescriptor<>("windows-seen", Types.INT));
        }

        /** The current key's old state, or null; the old states are cleared. */
        SilenceState take() throws Exception {
            // Every window the old layout saw set the last end, so it marks any old state.
            Long last = lastEnd.value();
            if (last == null) {
                return null;
            }
            SilenceState s = new SilenceState();
            s.lastEnd = last;
            Long t = timer.value();
            s.timer = t == null ? 0 : t;
            s.firingId = firingId.value();
            Integer seen = windowsSeen.value();
            s.windowsSeen = seen == null ? 0 : seen;
            lastEnd.clear();
            timer.clear();
            firingId.clear();
            windowsSeen.clear();
            return s;
        }
    }
}
