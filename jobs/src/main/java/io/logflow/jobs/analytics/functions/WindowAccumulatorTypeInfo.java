package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.OwnSerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Type information that gives {@link WindowAccumulator} state its own serializer, not Kryo. */
public final class WindowAccumulatorTypeInfo extends OwnSerializerTypeInfo<WindowAccumulator> {

    private static final long serialVersionUID = 1L;

    public static final WindowAccumulatorTypeInfo INSTANCE = new WindowAccumulatorTypeInfo();

    private WindowAccumulatorTypeInfo() {
        super(WindowAccumulator.class, WindowAccumulatorSerializer.INSTANCE);
    }

    /**
     * Found by the type extractor through {@code @TypeInfo} on {@link WindowAccumulator}, so any
     * {@code AggregateFunction} using the accumulator picks up the serializer without a hint.
     */
    public static final class Factory extends TypeInfoFactory<WindowAccumulator> {
        @Override
        public TypeInformation<WindowAccumulator> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
