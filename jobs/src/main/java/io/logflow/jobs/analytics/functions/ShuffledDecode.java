package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A decode behind the shuffle, as both operators there do it: retried while the registry is
 * unreachable, and a record that cannot be decoded becomes a counted dead letter with its origin
 * and original bytes. Serializable settings; {@link #open} per task.
 */
final class ShuffledDecode implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One decode step of a record. */
    interface Step<T> {
        T decode(EventDecoder decoder, ShuffledEvent in) throws IOException;
    }

    private final RegistryClientConfig registry;
    private final Duration outageTimeout;
    private final DeadLetters letters;

    private transient EventDecoder decoder;
    private transient Map<DeadLetterReason, Counter> deadLetters;
    private transient DeadLetter deadLetter;

    ShuffledDecode(RegistryClientConfig registry, Duration outageTimeout, int deadLetterMaxBytes) {
        this.registry = registry;
        this.outageTimeout = outageTimeout;
        this.letters = new DeadLetters(deadLetterMaxBytes);
    }

    void open(MetricGroup metrics) {
        decoder = new EventDecoder(registry);
        // In a "deserializer" group like the source's counters (Flink puts a source's
        // deserializer there), so dead letters of every stage share one metric name.
        deadLetters = LogEventDeserializer.counters(metrics.addGroup("deserializer"));
    }

    /**
     * The decoded value, or null when the record is a dead letter ({@link #deadLetter}); an
     * unreachable registry past the outage timeout is thrown, so the job restarts from its
     * checkpoint rather than dead-lettering what is not the record's fault.
     */
    <T> T decode(ShuffledEvent in, Step<T> step) throws IOException {
        try {
            return RegistryRetry.call(() -> step.decode(decoder, in), outageTimeout, in::toString);
        } catch (MalformedRecordException e) {
            deadLetter = dead(in, DeadLetterReason.MALFORMED, e.getMessage(), e.schemaId());
        } catch (RegistryException e) {
            if (e.isRetriable()) {
                throw e;
            }
            deadLetter =
                    dead(
                            in,
                            LogEventDeserializer.reasonOf(e),
                            e.getMessage(),
                            WireFormat.schemaIdOf(in.value));
        }
        return null;
    }

    /** The dead letter of the last record {@link #decode} returned null for. */
    DeadLetter deadLetter() {
        return deadLetter;
    }

    private DeadLetter dead(ShuffledEvent in, DeadLetterReason reason, String detail, int id) {
        deadLetters.get(reason).inc();
        return letters.of(in, reason, detail, id);
    }
}
