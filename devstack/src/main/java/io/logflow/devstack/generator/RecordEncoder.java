package io.logflow.devstack.generator;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.LogEvent;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Encodes events as Confluent-framed Avro through the registry serde, in the {@link RecordKind} the
 * mix asks for. One serializer per schema version for the whole run: each caches its schema id
 * after the first record.
 */
final class RecordEncoder {

    /** Deployment environment written into v2 records. */
    static final String ENVIRONMENT = "production";

    private final String format;
    private final SerializationSchema<LogEvent> v1;
    private final SerializationSchema<GenericRecord> v2;

    /** {@code format}: "avro" through the registry, else one of {@link LineRenderer#FORMATS}. */
    RecordEncoder(String topic, RegistryClientConfig registry, boolean withV2, String format) {
        this.format = format;
        boolean avro = format.equals("avro");
        this.v1 =
                avro ? ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registry) : null;
        this.v2 =
                avro && withV2
                        ? ConfluentAvroSerdes.genericValueSerializer(
                                SampleEvents.v2Schema(), topic, registry)
                        : null;
    }

    /** Registers the schemas before the first record is sent, so a bad registry fails fast. */
    void registerSchemas(LogEvent probe) {
        if (v1 == null) {
            return; // lines need no registry
        }
        encode(RecordKind.V1, probe, null);
        if (v2 != null) {
            encode(RecordKind.V2, probe, null);
        }
    }

    /**
     * The value bytes of {@code event} written as {@code kind}; malformed kinds start from v1.
     *
     * @throws GeneratorException when the registry cannot give a schema id
     */
    byte[] encode(RecordKind kind, LogEvent event, String region) {
        try {
            return serialize(kind, event, region);
        } catch (RuntimeException e) {
            // Flink's serializer wraps registry failures in an unchecked exception.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RegistryException) {
                    throw new GeneratorException(t.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private byte[] serialize(RecordKind kind, LogEvent event, String region) {
        if (v1 == null) {
            // A broken line for a raw source: nothing its parser can read.
            return kind.isMalformed()
                    ? ("\u0000" + kind + " \u0001{")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : LineRenderer.render(format, event);
        }
        switch (kind) {
            case V1:
                return v1.serialize(event);
            case V2:
                if (v2 == null) {
                    throw new IllegalStateException("Built without the v2 serializer");
                }
                return v2.serialize(SampleEvents.asV2(event, ENVIRONMENT, region));
            default:
                return Malformer.corrupt(kind, v1.serialize(event));
        }
    }
}
