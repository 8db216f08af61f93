package io.logflow.connectors.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

/** Serializes a key computed from the record as UTF-8; a null key stays null. */
public final class StringKeySerializationSchema<T> implements SerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final SerializableFunction<T, String> key;

    public StringKeySerializationSchema(SerializableFunction<T, String> key) {
        this.key = key;
    }

    @Override
    public byte[] serialize(T element) {
        String k = key.apply(element);
        return k == null ? null : k.getBytes(StandardCharsets.UTF_8);
    }
}
