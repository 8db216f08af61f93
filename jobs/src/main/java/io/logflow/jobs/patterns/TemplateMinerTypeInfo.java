package io.logflow.jobs.patterns;

import io.logflow.jobs.state.OwnSerializerTypeInfo;

/** Type information that gives {@link TemplateMiner} state its own compact serializer, not Kryo. */
public final class TemplateMinerTypeInfo extends OwnSerializerTypeInfo<TemplateMiner> {

    private static final long serialVersionUID = 1L;

    public static final TemplateMinerTypeInfo INSTANCE = new TemplateMinerTypeInfo();

    private TemplateMinerTypeInfo() {
        super(TemplateMiner.class, TemplateMinerSerializer.INSTANCE);
    }
}
