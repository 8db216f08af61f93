package io.logflow.jobs.alerts;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * How far {@link NewErrorTemplateDetector} has watched a service, in one state object so a new
 * window costs one lookup and one write: a Flink POJO.
 */
public final class TemplateWarmup {

    /** Windows seen, counted up to the warm-up + 1 only. */
    public int windows;

    /** Start of the latest window seen. */
    public long lastStart;

    /** When the service's state expires ({@link Expiry}). */
    public long expiresAt;

    public TemplateWarmup() {}

    /**
     * The three value states of jobs before December 2026: read once per service restored from such
     * a savepoint, then cleared.
     */
    static final class Legacy {

        private final ValueState<Integer> windows;
        private final ValueState<Long> lastStart;
        private final ValueState<Long> cleanupAt;

        Legacy(RuntimeContext ctx) {
            windows = ctx.getState(new ValueStateDescriptor<>("windows", Types.INT));
            lastStart = ctx.getState(new ValueStateDescriptor<>("last-start", Types.LONG));
            cleanupAt = ctx.getState(new ValueStateDescriptor<>("cleanup", Types.LONG));
        }

        /** The current key's old state, or null; the old states are cleared. */
        TemplateWarmup take() throws Exception {
            // The old layout wrote all three together, on the first window of each start.
            Long last = lastStart.value();
            if (last == null) {
                return null;
            }
            TemplateWarmup w = new TemplateWarmup();
            w.lastStart = last;
            Integer seen = windows.value();
            w.windows = seen == null ? 0 : seen;
            Long at = cleanupAt.value();
            w.expiresAt = at == null ? 0 : at;
            windows.clear();
            lastStart.clear();
            cleanupAt.clear();
            return w;
        }
    }
}
