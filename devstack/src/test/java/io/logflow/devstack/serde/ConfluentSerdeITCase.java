package io.logflow.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.WireFormat;
import io.logflow.devstack.events.SampleEvents;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.formats.avro.RegistryAvroSerializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flink's registry Avro serde with LogFlow's coder, through a real broker and registry. */
class ConfluentSerdeITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    private static final Instant BASE = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void roundTripThroughKafkaAndAFlinkJob() throws Exception {
        String topic = KAFKA.createTopic("logs", 2);
        RegistryClientConfig config = REGISTRY.clientConfig().build();
        List<LogEvent> sent = SampleEvents.events(500, BASE);

        RegistryAvroSerializationSchema<LogEvent> serializer =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, config);
        List<byte[]> values = new ArrayList<>();
        for (LogEvent event : sent) {
            values.add(serializer.serialize(event));
        }
        KAFKA.sendValues(topic, values);

        int registeredId =
                new RegistryClient(config)
                        .lookup(topic + "-value", LogEvent.getClassSchema())
                        .orElseThrow()
                        .id();
        List<ConsumerRecord<byte[], byte[]>> raw = KAFKA.read(topic, 500, Duration.ofSeconds(30));
        assertThat(raw).hasSize(500);
        for (ConsumerRecord<byte[], byte[]> r : raw) {
            assertThat(r.value()[0]).isEqualTo(WireFormat.MAGIC_BYTE);
            assertThat(WireFormat.schemaIdOf(r.value())).isEqualTo(registeredId);
        }

        ConfluentAvroDeserializationSchema<LogEvent> deserializer =
                ConfluentAvroSerdes.valueDeserializer(LogEvent.class, topic, config);
        // Avro type information, not a Kryo fallback, carries the records between operators.
        assertThat(deserializer.getProducedType()).isInstanceOf(AvroTypeInfo.class);
        KafkaSource<LogEvent> source =
                KafkaSource.<LogEvent>builder()
                        .setBootstrapServers(KAFKA.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId("round-trip")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setValueOnlyDeserializer(deserializer)
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<LogEvent> stream =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "logs");
        List<LogEvent> received = new ArrayList<>();
        stream.executeAndCollect("serde-round-trip").forEachRemaining(received::add);

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void v1AndV2WritersOnOneTopicAreReadByBothReaders() throws Exception {
        String topic = KAFKA.createTopic("evolve", 1);
        RegistryClientConfig config = REGISTRY.clientConfig().build();
        Schema v2 = logEventV2();
        LogEvent v1Event = SampleEvents.event(1, BASE);
        GenericRecord v2Event = toV2(SampleEvents.event(2, BASE), v2, "staging", "eu-west-1");

        byte[] v1Bytes =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, config)
                        .serialize(v1Event);
        byte[] v2Bytes =
                ConfluentAvroSerdes.genericValueSerializer(v2, topic, config).serialize(v2Event);
        assertThat(WireFormat.schemaIdOf(v2Bytes)).isNotEqualTo(WireFormat.schemaIdOf(v1Bytes));
        KAFKA.sendValues(topic, List.of(v1Bytes, v2Bytes));
        List<ConsumerRecord<byte[], byte[]>> raw = KAFKA.read(topic, 2, Duration.ofSeconds(30));
        assertThat(raw).hasSize(2);

        // v1 reader: the v2 record loses only the fields v1 does not know.
        ConfluentAvroDeserializationSchema<LogEvent> v1Reader =
                ConfluentAvroSerdes.valueDeserializer(LogEvent.class, topic, config);
        assertThat(v1Reader.deserialize(raw.get(0).value())).isEqualTo(v1Event);
        assertThat(v1Reader.deserialize(raw.get(1).value())).isEqualTo(SampleEvents.event(2, BASE));

        // v2 reader: the v1 record gets the defaults.
        ConfluentAvroDeserializationSchema<GenericRecord> v2Reader =
                ConfluentAvroSerdes.genericValueDeserializer(v2, topic, config);
        GenericRecord oldAsNew = v2Reader.deserialize(raw.get(0).value());
        assertThat(oldAsNew.get("environment").toString()).isEqualTo("production");
        assertThat(oldAsNew.get("region")).isNull();
        assertThat(oldAsNew.get("message").toString()).isEqualTo(v1Event.getMessage());
        GenericRecord newAsNew = v2Reader.deserialize(raw.get(1).value());
        assertThat(newAsNew.get("environment").toString()).isEqualTo("staging");
        assertThat(newAsNew.get("region").toString()).isEqualTo("eu-west-1");
    }

    @Test
    void incompatibleChangeIsRejectedWith409() throws Exception {
        String topic = KAFKA.createTopic("strict", 1);
        RegistryClient client = new RegistryClient(REGISTRY.clientConfig().build());
        String subject = topic + "-value";
        client.register(subject, LogEvent.getClassSchema());

        // A new required field without a default: v3 readers could not read v1 data.
        Schema v3 =
                SchemaBuilder.record("LogEvent")
                        .namespace("io.logflow.schema")
                        .fields()
                        .requiredString("service")
                        .requiredString("tenant")
                        .endRecord();
        assertThat(client.isCompatible(subject, v3)).isFalse();
        assertThat(client.isCompatible(subject, logEventV2())).isTrue();
        assertThatThrownBy(() -> client.register(subject, v3))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(409);
                            assertThat(e.errorCode()).isEqualTo(409);
                            assertThat(e.isRetriable()).isFalse();
                        })
                .hasMessageContaining("incompatible")
                .hasMessageContaining(subject);
        assertThat(client.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void everyIdResolvesAfterARegistryRestart() throws Exception {
        String topic = KAFKA.createTopic("restart", 1);
        RegistryClientConfig before = REGISTRY.clientConfig().build();
        Schema v2 = logEventV2();
        byte[] v1Bytes =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, before)
                        .serialize(SampleEvents.event(7, BASE));
        byte[] v2Bytes =
                ConfluentAvroSerdes.genericValueSerializer(v2, topic, before)
                        .serialize(toV2(SampleEvents.event(8, BASE), v2, "dev", null));
        int v1Id = WireFormat.schemaIdOf(v1Bytes);
        int v2Id = WireFormat.schemaIdOf(v2Bytes);

        REGISTRY.stop();
        REGISTRY.start();

        // A fresh client has no cache: everything comes from the restarted registry.
        RegistryClientConfig after = REGISTRY.clientConfig().build();
        RegistryClient client = new RegistryClient(after);
        assertThat(client.getSchemaById(v1Id)).isEqualTo(LogEvent.getClassSchema());
        assertThat(client.getSchemaById(v2Id)).isEqualTo(v2);
        assertThat(client.latest(topic + "-value").id()).isEqualTo(v2Id);
        ConfluentAvroDeserializationSchema<LogEvent> reader =
                ConfluentAvroSerdes.valueDeserializer(LogEvent.class, topic, after);
        assertThat(reader.deserialize(v1Bytes)).isEqualTo(SampleEvents.event(7, BASE));
        assertThat(reader.deserialize(v2Bytes)).isEqualTo(SampleEvents.event(8, BASE));
    }

    static Schema logEventV2() {
        return SampleEvents.v2Schema();
    }

    static GenericRecord toV2(LogEvent event, Schema v2, String environment, String region) {
        return SampleEvents.asV2(event, environment, region);
    }
}
