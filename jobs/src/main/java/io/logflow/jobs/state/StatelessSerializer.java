package io.logflow.jobs.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Base of our own state serializers: stateless (one instance serves every thread), mutable values
 * without in-place reuse (sketches and miners cannot be refilled), variable length.
 */
public abstract class StatelessSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        // Lengths are only known after parsing, so a parsed round trip is the simplest exact copy.
        serialize(deserialize(source), target);
    }

    /**
     * {@code n}, read as the number of {@code what}s that follow in a {@code state}; a negative one
     * means the bytes are not this serializer's, which is said rather than allocated.
     */
    protected static int count(DataInputView in, String what, String state) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("Negative " + what + " count " + n + " in " + state + " state");
        }
        return n;
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
