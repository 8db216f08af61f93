package io.logflow.jobs.alerts;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A window detector's series as jobs before December 2026 kept it, in four value states per
 * service: read once per service restored from such a savepoint, then cleared, so an upgrade keeps
 * baselines and firing alerts. A service with nothing there costs one lookup, once.
 */
final class LegacySeries {

    private final ValueState<double[]> baseline;
    private final ValueState<String> firingId;
    private final ValueState<Integer> streak;
    private final ValueState<Long> cleanupAt;

    LegacySeries(RuntimeContext ctx, String name) {
        baseline =
                ctx.getState(
                        new ValueStateDescriptor<>(
                                name + "-baseline",
                                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        firingId = ctx.getState(new ValueStateDescriptor<>(name + "-firing", Types.STRING));
        streak = ctx.getState(new ValueStateDescriptor<>(name + "-streak", Types.INT));
        cleanupAt = ctx.getState(new ValueStateDescriptor<>(name + "-cleanup", Types.LONG));
    }

    /** The current key's old series, or null; the old states are cleared. */
    Series take() throws Exception {
        // Every window the old layout judged set the deadline first, so it marks any old state.
        Long deadline = cleanupAt.value();
        if (deadline == null) {
            return null;
        }
        Series s = new Series(baseline.value(), firingId.value(), streak.value());
        s.expiresAt = deadline;
        baseline.clear();
        firingId.clear();
        streak.clear();
        cleanupAt.clear();
        return s;
    }
}
