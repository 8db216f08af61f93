package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.OwnSerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Type information that gives {@link ShuffledEvent} its own serializer. */
public final class ShuffledEventTypeInfo extends OwnSerializerTypeInfo<ShuffledEvent> {

    private static final long serialVersionUID = 1L;

    public static final ShuffledEventTypeInfo INSTANCE = new ShuffledEventTypeInfo();

    private ShuffledEventTypeInfo() {
        super(ShuffledEvent.class, ShuffledEventSerializer.INSTANCE);
    }

    /** Found by the type extractor through {@code @TypeInfo} on {@link ShuffledEvent}. */
    public static final class Factory extends TypeInfoFactory<ShuffledEvent> {
        @Override
        public TypeInformation<ShuffledEvent> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
