package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.registry.RegistryHttpClient.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry's REST API and durability against a real Kafka broker, over raw HTTP. */
class DevSchemaRegistryITCase {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    private static final String V1 = user("{\"name\":\"id\",\"type\":\"int\"}");
    private static final String V2 =
            user(
                    "{\"name\":\"id\",\"type\":\"int\"}",
                    "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}");
    private static final String V2_NO_DEFAULT =
            user("{\"name\":\"id\",\"type\":\"int\"}", "{\"name\":\"name\",\"type\":\"string\"}");
    private static final String V1_SPACED =
            "{\n  \"name\": \"User\", \"type\": \"record\",\n"
                    + "  \"fields\": [ { \"type\": \"int\", \"name\": \"id\" } ]\n}";

    private final List<DevSchemaRegistry> registries = new ArrayList<>();
    private String topic;
    private RegistryHttpClient client;

    private static String user(String... fields) {
        return "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
                + String.join(",", fields)
                + "]}";
    }

    private DevSchemaRegistry startRegistry(DevSchemaRegistryBuilder builder) {
        DevSchemaRegistry registry = builder.kafkaBootstrap(KAFKA.bootstrapServers()).build();
        registries.add(registry);
        return registry.start();
    }

    private DevSchemaRegistry startRegistry() {
        return startRegistry(DevSchemaRegistry.builder().topic(topic));
    }

    @BeforeEach
    void startFreshRegistry() {
        topic = "_schemas-" + UUID.randomUUID();
        client = new RegistryHttpClient(startRegistry().url());
    }

    @AfterEach
    void closeRegistries() {
        registries.forEach(DevSchemaRegistry::close);
    }

    private int register(String subject, String schema) {
        Response response = client.postSchema("/subjects/" + subject + "/versions", schema);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asInt();
    }

    private static String body(Object value) {
        return RegistryHttpClient.json(value);
    }

    private static void assertError(Response response, int status, int code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(RegistryHttpClient.CONTENT_TYPE);
        assertThat(response.body())
                .isEqualTo("{\"error_code\":" + code + ",\"message\":" + body(message) + "}");
    }

    @Test
    void registersIdempotentlyWithGlobalIdsAndServesThemBack() {
        String canonical = V1; // already in Avro's canonical spelling

        assertThat(register("logs-value", V1)).isEqualTo(1);
        assertThat(register("logs-value", V1)).isEqualTo(1);
        assertThat(register("logs-value", V1_SPACED)).isEqualTo(1);
        assertThat(register("other.logs-value", V1_SPACED)).isEqualTo(1);
        assertThat(register("logs-value", V2)).isEqualTo(2);

        assertThat(client.get("/subjects").body())
                .isEqualTo("[\"logs-value\",\"other.logs-value\"]");
        assertThat(client.get("/subjects/logs-value/versions").body()).isEqualTo("[1,2]");
        assertThat(client.get("/subjects/other.logs-value/versions").body()).isEqualTo("[1]");
        assertThat(client.get("/schemas/ids/1").body())
                .isEqualTo("{\"schema\":" + body(canonical) + "}");
        assertThat(client.get("/schemas/ids/1/schema").body()).isEqualTo(canonical);
        assertThat(client.get("/schemas/ids/1/versions").body())
                .isEqualTo(
                        "[{\"subject\":\"logs-value\",\"version\":1},"
                                + "{\"subject\":\"other.logs-value\",\"version\":1}]");
        String latest =
                "{\"subject\":\"logs-value\",\"version\":2,\"id\":2,\"schema\":" + body(V2) + "}";
        assertThat(client.get("/subjects/logs-value/versions/latest").body()).isEqualTo(latest);
        assertThat(client.get("/subjects/logs-value/versions/-1").body()).isEqualTo(latest);
        assertThat(client.get("/subjects/logs-value/versions/2").body()).isEqualTo(latest);
        assertThat(client.get("/subjects/logs-value/versions/1/schema").body()).isEqualTo(V1);
        assertThat(client.postSchema("/subjects/logs-value", V1_SPACED).body())
                .isEqualTo(
                        "{\"subject\":\"logs-value\",\"version\":1,\"id\":1,\"schema\":"
                                + body(V1)
                                + "}");
        assertThat(client.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void reportsConfluentErrorCodes() {
        register("logs-value", V1);

        assertError(client.get("/subjects/nope/versions"), 404, 40401, "Subject 'nope' not found.");
        assertError(
                client.get("/subjects/nope/versions/1"), 404, 40401, "Subject 'nope' not found.");
        assertError(
                client.postSchema("/subjects/nope", V1), 404, 40401, "Subject 'nope' not found.");
        assertError(
                client.get("/subjects/logs-value/versions/9"), 404, 40402, "Version 9 not found.");
        assertError(client.get("/schemas/ids/99"), 404, 40403, "Schema 99 not found");
        assertError(client.postSchema("/subjects/logs-value", V2), 404, 40403, "Schema not found");
        assertError(
                client.get("/subjects/logs-value/versions/abc"),
                422,
                42202,
                "The specified version 'abc' is not a valid version id. Allowed values are"
                        + " between [1, 2^31-1] and the string \"latest\"");
        assertError(
                client.postSchema("/subjects/logs-value/versions", "{\"type\":\"record\"}"),
                422,
                42201,
                "Invalid schema: No name in schema: {\"type\":\"record\"}");
        assertError(
                client.postSchema("/subjects/logs-value/versions", V2_NO_DEFAULT),
                409,
                409,
                "Schema being registered is incompatible with an earlier schema for subject"
                    + " \"logs-value\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE',"
                    + " description:'At path '/fields/1' the new schema cannot read data written"
                    + " with the old schema', additionalInfo:'name'}, {oldSchemaVersion: 1},"
                    + " {oldSchema: '"
                        + V1
                        + "'}, {compatibility: 'BACKWARD'}]");
        assertThat(client.get("/subjects/logs-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void compatibilityLevelsAreConfiguredPerSubjectAndGlobally() {
        assertThat(client.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertError(
                client.get("/config/logs-value"),
                404,
                40408,
                "Subject 'logs-value' does not have subject-level compatibility configured");
        assertThat(client.get("/config/logs-value?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(client.put("/config/logs-value", "{\"compatibility\":\"FORWARD\"}").body())
                .isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(client.get("/config/logs-value").body())
                .isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        assertThat(client.put("/config", "{\"compatibility\":\"full_transitive\"}").body())
                .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(client.get("/config").body())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(client.get("/config/other?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertError(
                client.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"),
                422,
                42203,
                "Invalid compatibility level");

        // FORWARD lets the subject add a field without a default, which BACKWARD forbids.
        register("logs-value", V1);
        assertThat(register("logs-value", V2_NO_DEFAULT)).isEqualTo(2);

        assertThat(client.delete("/config/logs-value").body())
                .isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        assertError(
                client.delete("/config/logs-value"),
                404,
                40408,
                "Subject 'logs-value' does not have subject-level compatibility configured");
        assertThat(client.delete("/config").body())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(client.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void compatibilityEndpointChecksWithoutRegistering() {
        String check = "/compatibility/subjects/logs-value/versions/latest";
        assertThat(client.postSchema(check, V1).body()).isEqualTo("{\"is_compatible\":true}");
        register("logs-value", V1);

        assertThat(client.postSchema(check, V2).body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(client.postSchema(check + "?verbose=true", V2).body())
                .isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
        assertThat(client.postSchema(check, V2_NO_DEFAULT).body())
                .isEqualTo("{\"is_compatible\":false}");
        JsonNode verbose = client.postSchema(check + "?verbose=true", V2_NO_DEFAULT).json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText())
                .isEqualTo(
                        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'At path"
                                + " '/fields/1' the new schema cannot read data written with the"
                                + " old schema', additionalInfo:'name'}");
        assertThat(verbose.get("messages").get(1).asText()).isEqualTo("{oldSchemaVersion: 1}");
        assertThat(
                        client.postSchema(
                                        "/compatibility/subjects/logs-value/versions/1",
                                        V2_NO_DEFAULT)
                                .json()
                                .get("is_compatible")
                                .asBoolean())
                .isFalse();
        assertError(
                client.postSchema("/compatibility/subjects/logs-value/versions/2", V2),
                404,
                40402,
                "Version 2 not found.");
        assertThat(client.get("/subjects/logs-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void transitiveLevelChecksEveryLiveVersion() {
        client.put("/config/logs-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        register("logs-value", V1);
        register("logs-value", V2);
        String check = "/compatibility/subjects/logs-value/versions/latest?verbose=true";

        // Readable from v2 data (which has the field) but not from v1 data.
        JsonNode result = client.postSchema(check, V2_NO_DEFAULT).json();

        assertThat(result.get("is_compatible").asBoolean()).isFalse();
        assertThat(result.get("messages").toString()).contains("{oldSchemaVersion: 1}");
        client.put("/config/logs-value", "{\"compatibility\":\"BACKWARD\"}");
        assertThat(client.postSchema(check, V2_NO_DEFAULT).json().get("is_compatible").asBoolean())
                .isTrue();
    }

    @Test
    void softThenPermanentDelete() {
        register("logs-value", V1);
        register("logs-value", V2);
        register("keep-value", V1);

        assertError(
                client.delete("/subjects/logs-value?permanent=true"),
                404,
                40405,
                "Subject 'logs-value' was not deleted first before being permanently deleted");
        assertThat(client.delete("/subjects/logs-value").body()).isEqualTo("[1,2]");
        assertThat(client.get("/subjects").body()).isEqualTo("[\"keep-value\"]");
        assertThat(client.get("/subjects?deleted=true").body())
                .isEqualTo("[\"keep-value\",\"logs-value\"]");
        assertError(
                client.get("/subjects/logs-value/versions"),
                404,
                40401,
                "Subject 'logs-value' not found.");
        assertThat(client.get("/subjects/logs-value/versions?deleted=true").body())
                .isEqualTo("[1,2]");
        assertThat(client.get("/schemas/ids/2/schema").body()).isEqualTo(V2);

        // Deleted versions no longer constrain the subject, and numbering continues.
        assertThat(register("logs-value", V2_NO_DEFAULT)).isEqualTo(3);
        assertThat(client.get("/subjects/logs-value/versions").body()).isEqualTo("[3]");
        assertThat(client.delete("/subjects/logs-value/versions/3").body()).isEqualTo("3");

        assertThat(client.delete("/subjects/logs-value?permanent=true").body())
                .isEqualTo("[1,2,3]");
        assertThat(client.get("/subjects?deleted=true").body()).isEqualTo("[\"keep-value\"]");
        assertError(client.get("/schemas/ids/2"), 404, 40403, "Schema 2 not found");
        assertThat(client.get("/schemas/ids/1/versions").body())
                .isEqualTo("[{\"subject\":\"keep-value\",\"version\":1}]");
        assertError(
                client.delete("/subjects/logs-value"),
                404,
                40401,
                "Subject 'logs-value' not found.");
    }

    @Test
    void basicAuthRejectsMissingAndWrongCredentials() {
        DevSchemaRegistry secured =
                startRegistry(
                        DevSchemaRegistry.builder().topic(topic).basicAuth("alice", "s3cret"));
        RegistryHttpClient anonymous = new RegistryHttpClient(secured.url());
        String good = "Basic " + base64("alice:s3cret");

        assertError(anonymous.get("/subjects"), 401, 401, "Unauthorized");
        assertError(
                anonymous.withAuthorization("Basic " + base64("alice:nope")).get("/subjects"),
                401,
                401,
                "Unauthorized");
        assertError(anonymous.postSchema("/subjects/a/versions", V1), 401, 401, "Unauthorized");
        assertThat(anonymous.withAuthorization(good).postSchema("/subjects/a/versions", V1).body())
                .isEqualTo("{\"id\":1}");
    }

    @Test
    void restartRebuildsEveryIdVersionAndConfigFromTheTopic() {
        register("a-value", V1);
        register("a-value", V2);
        register("b-value", V1);
        client.put("/config/b-value", "{\"compatibility\":\"NONE\"}");
        int third = register("b-value", "\"string\"");
        register("c-value", "\"long\"");
        client.delete("/subjects/c-value");
        client.put("/config", "{\"compatibility\":\"FULL\"}");
        Map<String, String> before = snapshot(client);

        registries.get(0).close();
        assertThatThrownBy(() -> client.get("/subjects")).isInstanceOf(UncheckedIOException.class);
        RegistryHttpClient restarted = new RegistryHttpClient(startRegistry().url());

        assertThat(third).isEqualTo(3);
        assertThat(snapshot(restarted)).isEqualTo(before);
        assertThat(restarted.get("/schemas/ids/1/schema").body()).isEqualTo(V1);
        assertThat(restarted.get("/schemas/ids/2/schema").body()).isEqualTo(V2);
        assertThat(restarted.get("/schemas/ids/3/schema").body()).isEqualTo("\"string\"");
        assertThat(restarted.get("/config/b-value").body())
                .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(restarted.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(restarted.postSchema("/subjects/a-value/versions", V1).body())
                .isEqualTo("{\"id\":1}");
        assertThat(restarted.postSchema("/subjects/d-value/versions", "\"bytes\"").body())
                .isEqualTo("{\"id\":5}");
        assertThat(restarted.postSchema("/subjects/c-value/versions", "\"long\"").body())
                .isEqualTo("{\"id\":4}");
        assertThat(restarted.get("/subjects/c-value/versions").body()).isEqualTo("[2]");
    }

    private static Map<String, String> snapshot(RegistryHttpClient c) {
        Map<String, String> result = new TreeMap<>();
        for (String path :
                List.of(
                        "/subjects",
                        "/subjects?deleted=true",
                        "/subjects/a-value/versions",
                        "/subjects/a-value/versions/1",
                        "/subjects/a-value/versions/2",
                        "/subjects/b-value/versions/latest",
                        "/subjects/c-value/versions?deleted=true",
                        "/schemas/ids/1",
                        "/schemas/ids/2",
                        "/schemas/ids/3",
                        "/schemas/ids/4",
                        "/schemas/ids/1/versions",
                        "/config",
                        "/config/b-value")) {
            Response response = c.get(path);
            result.put(path, response.status() + " " + response.body());
        }
        return result;
    }

    @Test
    void storesRecordsInConfluentsFormatInACompactedSinglePartitionTopic() throws Exception {
        register("logs-value", "\"string\"");
        client.put("/config/logs-value", "{\"compatibility\":\"FULL\"}");
        client.delete("/subjects/logs-value");
        client.delete("/subjects/logs-value?permanent=true");

        assertThat(readTopic(topic))
                .containsExactly(
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"logs-value\",\"version\":1,\"magic\":1}"
                            + " => {\"subject\":\"logs-value\",\"version\":1,\"id\":1,"
                            + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                        "{\"keytype\":\"CONFIG\",\"subject\":\"logs-value\",\"magic\":0}"
                                + " => {\"compatibilityLevel\":\"FULL\"}",
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"logs-value\",\"version\":1,\"magic\":1}"
                            + " => {\"subject\":\"logs-value\",\"version\":1,\"id\":1,"
                            + "\"schema\":\"\\\"string\\\"\",\"deleted\":true}",
                        "{\"keytype\":\"CONFIG\",\"subject\":\"logs-value\",\"magic\":0} => null",
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"logs-value\",\"version\":1,\"magic\":1}"
                            + " => null");
        try (Admin admin = Admin.create(KAFKA.clientProperties())) {
            assertThat(
                            admin.describeTopics(List.of(topic))
                                    .allTopicNames()
                                    .get()
                                    .get(topic)
                                    .partitions())
                    .hasSize(1);
            Config config =
                    admin.describeConfigs(
                                    List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                            .all()
                            .get()
                            .values()
                            .iterator()
                            .next();
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void usesTheConfluentTopicNameByDefault() throws Exception {
        DevSchemaRegistry registry = startRegistry(DevSchemaRegistry.builder());
        new RegistryHttpClient(registry.url()).postSchema("/subjects/x/versions", "\"int\"");

        assertThat(readTopic("_schemas")).hasSize(1);
    }

    @Test
    void takenPortIsNamedAndCloseStopsServingPromptly() {
        DevSchemaRegistry first = registries.get(0);
        DevSchemaRegistry second =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(KAFKA.bootstrapServers())
                        .topic(topic)
                        .port(first.port())
                        .build();

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Cannot start the dev schema registry: port "
                                + first.port()
                                + " on 127.0.0.1 is already in use");

        first.close();
        first.close(); // a second close is a no-op, not an error
        assertThatThrownBy(() -> client.get("/")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void replaysATopicWrittenByConfluentSkippingWhatItDoesNotKnow() throws Exception {
        String confluentTopic = KAFKA.createTopic("_schemas-confluent", 1);
        String spaced = "{ \"type\" : \"string\" }";
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        KAFKA.clientProperties(), new StringSerializer(), new StringSerializer())) {
            for (String[] record :
                    new String[][] {
                        {"{\"keytype\":\"NOOP\",\"magic\":0}", null},
                        {
                            "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}",
                            "{\"subject\":\"a\",\"version\":1,\"id\":7,\"schema\":"
                                    + body(spaced)
                                    + ",\"deleted\":false}"
                        },
                        {"not json", "{}"},
                        {
                            "{\"keytype\":\"SCHEMA\",\"subject\":\"b\",\"version\":1,\"magic\":1}",
                            "{\"subject\":\"b\",\"version\":1,\"id\":9,\"schema\":\"\\\"int\\\"\","
                                    + "\"deleted\":false}"
                        },
                        {
                            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"b\",\"magic\":0}",
                            "{\"subject\":\"b\",\"version\":1}"
                        },
                        {
                            "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                            "{\"compatibilityLevel\":\"NONE\"}"
                        }
                    }) {
                producer.send(new ProducerRecord<>(confluentTopic, record[0], record[1])).get();
            }
        }

        RegistryHttpClient replayed =
                new RegistryHttpClient(
                        startRegistry(DevSchemaRegistry.builder().topic(confluentTopic)).url());

        assertThat(replayed.get("/subjects").body()).isEqualTo("[\"a\"]");
        assertThat(replayed.get("/subjects?deleted=true").body()).isEqualTo("[\"a\",\"b\"]");
        assertThat(replayed.get("/schemas/ids/7").body())
                .isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
        assertThat(replayed.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(replayed.postSchema("/subjects/c/versions", spaced).body())
                .isEqualTo("{\"id\":7}");
        assertThat(replayed.postSchema("/subjects/c/versions", "\"long\"").body())
                .isEqualTo("{\"id\":10}");
    }

    @Test
    void refusesATopicWithMoreThanOnePartition() {
        String twoPartitions = KAFKA.createTopic("_schemas-2p", 2);
        DevSchemaRegistry registry =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(KAFKA.bootstrapServers())
                        .topic(twoPartitions)
                        .build();
        registries.add(registry);

        assertThatThrownBy(registry::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Schema topic "
                                + twoPartitions
                                + " must have exactly 1 partition but has 2");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> readTopic(String topic) {
        Properties props = KAFKA.clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r.key() + " => " + r.value());
                }
            }
        }
        return records;
    }
}
