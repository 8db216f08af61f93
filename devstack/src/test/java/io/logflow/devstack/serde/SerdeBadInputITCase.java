package io.logflow.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.MalformedRecordException;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.schema.LogEvent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of bad input gives a clear error naming what was wrong, and none hangs. */
class SerdeBadInputITCase {

    @RegisterExtension static final PipelineExtension STACK = PipelineExtension.withoutFlink();
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Duration NO_HANG = Duration.ofSeconds(20);

    private ConfluentAvroDeserializationSchema<LogEvent> reader(RegistryClientConfig config) {
        return ConfluentAvroSerdes.valueDeserializer(LogEvent.class, "logs", config);
    }

    private byte[] validRecord() {
        return ConfluentAvroSerdes.valueSerializer(
                        LogEvent.class, "logs", REGISTRY.clientConfig().build())
                .serialize(SampleEvents.event(3, Instant.parse("2026-11-26T00:00:00Z")));
    }

    @Test
    void wrongMagicByte() {
        byte[] bytes = validRecord();
        bytes[0] = 0x7b; // '{': someone wrote JSON to an Avro topic
        assertThatThrownBy(() -> reader(REGISTRY.clientConfig().build()).deserialize(bytes))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("magic byte 0x7b")
                .hasMessageContaining("topic 'logs'");
    }

    @Test
    void truncatedHeaderAndPayload() throws Exception {
        byte[] valid = validRecord();
        int id = WireFormat.schemaIdOf(valid);
        assertThatThrownBy(
                        () ->
                                reader(REGISTRY.clientConfig().build())
                                        .deserialize(Arrays.copyOf(valid, 3)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("Truncated header")
                .hasMessageContaining("3 of 5");
        ConfluentAvroDeserializationSchema<LogEvent> reader =
                reader(REGISTRY.clientConfig().build());
        assertThatThrownBy(() -> reader.deserialize(Arrays.copyOf(valid, 12)))
                .isInstanceOfSatisfying(
                        MalformedRecordException.class, e -> assertThat(e.schemaId()).isEqualTo(id))
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("truncated or corrupt")
                .hasMessageContaining("topic 'logs'");
        // A bad record must not poison the next one.
        assertThat(reader.deserialize(valid))
                .isEqualTo(SampleEvents.event(3, Instant.parse("2026-11-26T00:00:00Z")));
    }

    @Test
    void unknownSchemaId() {
        byte[] bytes = validRecord();
        WireFormat.writeHeader(987654, bytes, 0);
        assertThatThrownBy(() -> reader(REGISTRY.clientConfig().build()).deserialize(bytes))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> {
                            assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND);
                            assertThat(e.isRetriable()).isFalse();
                        })
                .hasMessageContaining("Unknown schema id 987654")
                .hasMessageContaining("topic 'logs'")
                .hasMessageContaining("logs-value");
    }

    @Test
    void registryUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RegistryClientConfig config =
                RegistryClientConfig.builder("http://127.0.0.1:" + closedPort)
                        .maxAttempts(3)
                        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                        .build();
        byte[] bytes = validRecord();
        assertTimeoutPreemptively(
                NO_HANG,
                () ->
                        assertThatThrownBy(() -> reader(config).deserialize(bytes))
                                .isInstanceOfSatisfying(
                                        RegistryException.class,
                                        e -> assertThat(e.isRetriable()).isTrue())
                                .hasMessageContaining("unreachable")
                                .hasMessageContaining("127.0.0.1:" + closedPort)
                                .hasMessageContaining("after 3 attempts")
                                .hasMessageContaining("ConnectException"));
    }

    @Test
    void registryThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            RegistryClientConfig config =
                    RegistryClientConfig.builder("http://127.0.0.1:" + silent.getLocalPort())
                            .requestTimeout(Duration.ofMillis(500))
                            .maxAttempts(2)
                            .backoff(Duration.ofMillis(10), Duration.ofMillis(10))
                            .build();
            assertTimeoutPreemptively(
                    NO_HANG,
                    () ->
                            assertThatThrownBy(() -> new RegistryClient(config).getSchemaById(1))
                                    .isInstanceOf(RegistryException.class)
                                    .hasMessageContaining("after 2 attempts")
                                    .hasMessageContaining("fetching schema id 1")
                                    .hasMessageContaining("Timeout"));
        }
    }

    @Test
    void badCredentials() throws Exception {
        try (DevSchemaRegistry secured =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(KAFKA.bootstrapServers())
                        .topic("_schemas_secured")
                        .basicAuth("admin", "right")
                        .build()) {
            secured.start();
            RegistryClient wrong =
                    new RegistryClient(
                            RegistryClientConfig.builder(secured.url())
                                    .basicAuth("admin", "wrong")
                                    .build());
            assertTimeoutPreemptively(
                    NO_HANG,
                    () ->
                            assertThatThrownBy(
                                            () ->
                                                    wrong.register(
                                                            "logs-value",
                                                            LogEvent.getClassSchema()))
                                    .isInstanceOfSatisfying(
                                            RegistryException.class,
                                            e -> {
                                                assertThat(e.httpStatus()).isEqualTo(401);
                                                assertThat(e.isRetriable()).isFalse();
                                            })
                                    .hasMessageContaining("HTTP 401")
                                    .hasMessageContaining("credentials"));
            RegistryClient right =
                    new RegistryClient(
                            RegistryClientConfig.builder(secured.url())
                                    .basicAuth("admin", "right")
                                    .build());
            int id = right.register("logs-value", LogEvent.getClassSchema());
            assertThat(right.getSchemaById(id)).isEqualTo(LogEvent.getClassSchema());
        }
    }

    @Test
    void lookupOnlyModeDoesNotRegister() {
        RegistryClientConfig config = REGISTRY.clientConfig().autoRegister(false).build();
        assertThatThrownBy(
                        () ->
                                ConfluentAvroSerdes.valueSerializer(
                                                LogEvent.class, "unregistered", config)
                                        .serialize(SampleEvents.event(1, Instant.EPOCH)))
                .hasStackTraceContaining("not registered under subject 'unregistered-value'")
                .hasStackTraceContaining("auto-registration is off");
    }
}
