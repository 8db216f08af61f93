package io.logflow.dashboard.e2e;

import static io.logflow.dashboard.e2e.DashboardE2EITCase.EVIL_SERVICE;
import static io.logflow.dashboard.e2e.DashboardE2EITCase.EVIL_SUMMARY;
import static io.logflow.dashboard.e2e.DashboardE2EITCase.EVIL_TEMPLATE;
import static io.logflow.dashboard.e2e.DashboardE2EITCase.PAYMENT_TEMPLATE;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertItem;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import io.logflow.schema.LogPattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Alerts and log templates with known content, written the way the analytics job writes them (Avro
 * in the Confluent wire format), so the end-to-end test can check the page exactly.
 */
final class HandMade {

    static final String ERROR_RATE_ID = "e2e|ERROR_RATE_SPIKE";
    static final String EVIL_EXAMPLE = "<script>window.__xss=6</script> user 42 <img src=x>";

    private HandMade() {}

    /**
     * A firing error-rate alert of {@code service}; for the hostile service a firing silence and a
     * latency regression that fired and resolved 20 s later.
     */
    static void sendAlerts(
            KafkaExtension kafka,
            String topic,
            RegistryClientConfig registry,
            String service,
            Instant start) {
        send(
                kafka,
                topic,
                Alert.class,
                registry,
                List.of(
                        alert("e2e|LATENCY", AlertKind.LATENCY_REGRESSION, AlertState.FIRING)
                                .setService(EVIL_SERVICE)
                                .setEventTime(start.plusSeconds(10))
                                .setValue(480.0)
                                .setBaseline(120.0)
                                .setThreshold(300.0)
                                .setSummary(EVIL_SUMMARY)
                                .setEvidence(Map.of("p99", "<b>480</b>"))
                                .build(),
                        alert(ERROR_RATE_ID, AlertKind.ERROR_RATE_SPIKE, AlertState.FIRING)
                                .setService(service)
                                .setEventTime(start.plusSeconds(20))
                                .setValue(0.25)
                                .setBaseline(0.01)
                                .setThreshold(0.05)
                                .setSummary("Error rate 25.0 % vs baseline 1.0 %")
                                .setEvidence(Map.of("errors", "50", "count", "200"))
                                .setTopPaths(List.of(new AlertItem("/api/pay", 120L)))
                                .setTopErrors(List.of(new AlertItem("<i>card declined</i>", 50L)))
                                .build(),
                        alert("e2e|SILENCE", AlertKind.SILENCE, AlertState.FIRING)
                                .setService(EVIL_SERVICE)
                                .setEventTime(start.plusSeconds(25))
                                .setValue(3.0)
                                .setThreshold(2.0)
                                .setSummary(EVIL_SERVICE + " went quiet")
                                .build(),
                        alert("e2e|LATENCY", AlertKind.LATENCY_REGRESSION, AlertState.RESOLVED)
                                .setService(EVIL_SERVICE)
                                .setEventTime(start.plusSeconds(30))
                                .setValue(480.0)
                                .setBaseline(120.0)
                                .setThreshold(300.0)
                                .setSummary(EVIL_SUMMARY)
                                .build()));
    }

    /**
     * Templates of {@code service} in two 2-second windows: a payment failure in both (40 errors in
     * all), a hostile template new in the second, and an info template without errors.
     */
    static void sendPatterns(
            KafkaExtension kafka,
            String topic,
            RegistryClientConfig registry,
            String service,
            Instant start) {
        send(
                kafka,
                topic,
                LogPattern.class,
                registry,
                List.of(
                        pattern(service, start, 11, PAYMENT_TEMPLATE, 40, 30)
                                .setExample("Payment for order 17 failed: timeout")
                                .build(),
                        pattern(service, start.plusSeconds(2), 11, PAYMENT_TEMPLATE, 20, 10)
                                .setExample("Payment for order 9313 failed: card declined")
                                .build(),
                        pattern(service, start.plusSeconds(2), 12, EVIL_TEMPLATE, 5, 5)
                                .setExample(EVIL_EXAMPLE)
                                .setNewTemplate(true)
                                .setNewError(true)
                                .build(),
                        pattern(service, start.plusSeconds(2), 13, "GET <*> 200", 500, 0)
                                .setExample("GET /api/cart 200")
                                .build()));
    }

    /** Creates {@code name} exactly (the extension's topics get a random suffix). */
    static void createTopic(KafkaExtension kafka, String name) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Alert.Builder alert(String id, AlertKind kind, AlertState state) {
        Instant t = Instant.EPOCH;
        return Alert.newBuilder()
                .setAlertId(id)
                .setKind(kind)
                .setState(state)
                .setWindow("tumbling-2s")
                .setWindowStart(t)
                .setWindowEnd(t)
                .setEvidence(Map.of())
                .setTopPaths(List.of())
                .setTopErrors(List.of());
    }

    private static LogPattern.Builder pattern(
            String service,
            Instant windowStart,
            long id,
            String template,
            long count,
            long errors) {
        return LogPattern.newBuilder()
                .setService(service)
                .setWindowStart(windowStart)
                .setWindowEnd(windowStart.plusSeconds(2))
                .setTemplateId(id)
                .setTemplate(template)
                .setCount(count)
                .setErrorCount(errors)
                .setFirstSeen(windowStart)
                .setNewTemplate(false)
                .setNewError(false);
    }

    private static <T extends SpecificRecord> void send(
            KafkaExtension kafka,
            String topic,
            Class<T> type,
            RegistryClientConfig registry,
            List<T> records) {
        SerializationSchema<T> serializer =
                ConfluentAvroSerdes.valueSerializer(type, topic, registry);
        kafka.sendValues(topic, records.stream().map(serializer::serialize).toList());
    }
}
