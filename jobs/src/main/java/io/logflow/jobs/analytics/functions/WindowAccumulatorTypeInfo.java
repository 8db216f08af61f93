package io.logflow.jobs.analytics.functions;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information that gives {@link WindowAccumulator} state its own serializer, not Kryo. */
public final class WindowAccumulatorTypeInfo extends TypeInformation<WindowAccumulator> {

    private static final long serialVersionUID = 1L;

    public static final WindowAccumulatorTypeInfo INSTANCE = new WindowAccumulatorTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<WindowAccumulator> getTypeClass() {
        return WindowAccumulator.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<WindowAccumulator> createSerializer(SerializerConfig config) {
        return WindowAccumulatorSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "WindowAccumulatorTypeInfo";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WindowAccumulatorTypeInfo;
    }

    @Override
    public int hashCode() {
        return WindowAccumulatorTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof WindowAccumulatorTypeInfo;
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
