package io.logflow.jobs.state;

import org.apache.flink.api.common.state.ValueState;

/**
 * Reads a keyed value state whose older layout (other states, under other names) may still hold the
 * current key's data after a restore: that data is taken once, written in the new layout and
 * returned. A key with neither costs the older layout's probe, once per key until it is written.
 */
public final class Upgraded {

    private Upgraded() {}

    /** Takes the current key's data out of the older layout, clearing it; null when absent. */
    @FunctionalInterface
    public interface Legacy<T> {
        T take() throws Exception;
    }

    /** The current key's value: the state's own, else the older layout's moved over, else null. */
    public static <T> T value(ValueState<T> state, Legacy<T> legacy) throws Exception {
        T value = state.value();
        if (value == null) {
            value = legacy.take();
            if (value != null) {
                state.update(value);
            }
        }
        return value;
    }
}
