package io.logflow.jobs.patterns;

import io.logflow.jobs.state.OwnSerializerTypeInfo;

/** Type information that gives {@link PatternState} its own compact serializer, not Kryo. */
public final class PatternStateTypeInfo extends OwnSerializerTypeInfo<PatternState> {

    private static final long serialVersionUID = 1L;

    public static final PatternStateTypeInfo INSTANCE = new PatternStateTypeInfo();

    private PatternStateTypeInfo() {
        super(PatternState.class, PatternStateSerializer.INSTANCE);
    }
}
