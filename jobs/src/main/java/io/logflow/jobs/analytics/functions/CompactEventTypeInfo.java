package io.logflow.jobs.analytics.functions;

import io.logflow.jobs.state.OwnSerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Type information that gives {@link CompactEvent} its own serializer. */
public final class CompactEventTypeInfo extends OwnSerializerTypeInfo<CompactEvent> {

    private static final long serialVersionUID = 1L;

    public static final CompactEventTypeInfo INSTANCE = new CompactEventTypeInfo();

    private CompactEventTypeInfo() {
        super(CompactEvent.class, CompactEventSerializer.INSTANCE);
    }

    /** Found by the type extractor through {@code @TypeInfo} on {@link CompactEvent}. */
    public static final class Factory extends TypeInfoFactory<CompactEvent> {
        @Override
        public TypeInformation<CompactEvent> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
