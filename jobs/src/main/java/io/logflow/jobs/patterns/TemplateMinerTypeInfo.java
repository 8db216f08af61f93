package io.logflow.jobs.patterns;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information that gives {@link TemplateMiner} state its own compact serializer, not Kryo. */
public final class TemplateMinerTypeInfo extends TypeInformation<TemplateMiner> {

    private static final long serialVersionUID = 1L;

    public static final TemplateMinerTypeInfo INSTANCE = new TemplateMinerTypeInfo();

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
    public Class<TemplateMiner> getTypeClass() {
        return TemplateMiner.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<TemplateMiner> createSerializer(SerializerConfig config) {
        return TemplateMinerSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "TemplateMinerTypeInfo";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TemplateMinerTypeInfo;
    }

    @Override
    public int hashCode() {
        return TemplateMinerTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TemplateMinerTypeInfo;
    }
}
