package io.logflow.notifier;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Alert records as the analytics job writes them, and a transactional producer like its sink. */
final class TestAlerts {

    private TestAlerts() {}

    /** An error-rate spike of {@code service} whose deciding window ended at {@code end}. */
    static Alert spike(String service, AlertState state, Instant firstWindow, Instant end) {
        return Alert.newBuilder()
                .setAlertId(service + "|ERROR_RATE_SPIKE|" + firstWindow)
                .setKind(AlertKind.ERROR_RATE_SPIKE)
                .setState(state)
                .setService(service)
                .setWindow("tumbling-10s")
                .setWindowStart(end.minusSeconds(10))
                .setWindowEnd(end)
                .setEventTime(end)
                .setValue(state == AlertState.FIRING ? 0.12 : 0.01)
                .setThreshold(0.05)
                .setBaseline(0.01)
                .setSummary(
                        state == AlertState.FIRING
                                ? "Error rate of " + service + " 12.0 % (baseline 1.0 %)"
                                : "Error rate of " + service + " back to 1.0 %")
                .setEvidence(Map.of("errors", "120", "events", "1000"))
                .build();
    }

    /** Writes the values in one committed transaction, keyed by alert id as the job does. */
    static void produce(KafkaExtension kafka, String registry, String topic, List<Object> values) {
        var serializer =
                ConfluentAvroSerdes.valueSerializer(
                        Alert.class, topic, RegistryClientConfig.builder(registry).build());
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-alerts-" + UUID.randomUUID());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Object v : values) {
                if (v instanceof Alert a) {
                    producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    a.getAlertId().getBytes(StandardCharsets.UTF_8),
                                    serializer.serialize(a)));
                } else {
                    // Bytes that are no Confluent-framed Alert.
                    producer.send(new ProducerRecord<>(topic, (byte[]) v));
                }
            }
            producer.commitTransaction();
        }
    }
}
