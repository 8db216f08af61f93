package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.logflow.devstack.registry.RegistryHttpClient.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer over an in-memory log: routing, decoding, media types, errors and auth. */
class RegistryHttpHandlerTest {

    private static final String SCHEMA = "{\"type\":\"string\"}";

    private final InMemorySchemaLog log = new InMemorySchemaLog();
    private HttpServer server;

    private RegistryHttpClient start(RequestAuthenticator authenticator) throws IOException {
        SchemaStore store = new SchemaStore();
        LogWriter writer = new LogWriter(log, store);
        RegistryResources resources =
                new RegistryResources(
                        new SchemaService(store, writer),
                        new ConfigService(store, writer),
                        new DeleteService(store, writer));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/", new RegistryHttpHandler(new RegistryRoutes(resources), authenticator));
        server.start();
        return new RegistryHttpClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private RegistryHttpClient start() throws IOException {
        return start(new RequestAuthenticator(null, null, null));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void decodesSubjectNamesFromPathSegments() throws IOException {
        RegistryHttpClient client = start();

        Response registered =
                client.postSchema("/subjects/team%2Flogs.v1-value_x+y/versions", SCHEMA);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo(RegistryHttpClient.CONTENT_TYPE);
        assertThat(registered.body()).isEqualTo("{\"id\":1}");
        assertThat(client.get("/subjects").body()).isEqualTo("[\"team/logs.v1-value_x+y\"]");
        assertThat(
                        client.get("/subjects/team%2Flogs.v1-value_x%2By/versions/1")
                                .json()
                                .get("subject")
                                .asText())
                .isEqualTo("team/logs.v1-value_x+y");
        assertThat(client.get("/subjects/team%2Flogs.v1-value_x+y/versions/latest/schema").body())
                .isEqualTo("\"string\"");
    }

    @Test
    void answersUnknownPathsAndMethodsLikeConfluent() throws IOException {
        RegistryHttpClient client = start();

        assertThat(client.get("/nope"))
                .isEqualTo(
                        new Response(
                                404,
                                "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}",
                                RegistryHttpClient.CONTENT_TYPE));
        assertThat(client.get("/subjects//versions").status()).isEqualTo(404);
        assertThat(client.get("/schemas/ids/abc").status()).isEqualTo(404);
        Response wrongMethod = client.put("/subjects/a/versions", SCHEMA);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body())
                .isEqualTo("{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
        assertThat(client.get("/").body()).isEqualTo("{}");
        assertThat(client.get("/schemas/types/").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void rejectsBadBodiesWithClearMessagesAndNoTrace() throws IOException {
        RegistryHttpClient client = start();

        Response malformed = client.post("/subjects/a/versions", "{\"schema\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error_code").asInt()).isEqualTo(400);
        assertThat(malformed.json().get("message").asText())
                .startsWith("Malformed JSON in request body: ")
                .doesNotContain("\tat ");
        assertThat(client.post("/subjects/a/versions", "[1]").body())
                .isEqualTo(
                        "{\"error_code\":400,\"message\":\"Request body must be a JSON object\"}");
        assertThat(client.post("/subjects/a/versions", "{}").body())
                .isEqualTo(
                        "{\"error_code\":42201,\"message\":\"Invalid schema: the request body has"
                                + " no \\\"schema\\\" string\"}");
        Response protobuf =
                client.post(
                        "/subjects/a/versions",
                        RegistryHttpClient.json(
                                Map.of(
                                        "schema",
                                        "syntax = \"proto3\";",
                                        "schemaType",
                                        "PROTOBUF")));
        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.json().get("error_code").asInt()).isEqualTo(42201);
        Response withReferences =
                client.post(
                        "/subjects/a/versions",
                        RegistryHttpClient.json(
                                Map.of(
                                        "schema",
                                        SCHEMA,
                                        "references",
                                        List.of(
                                                Map.of(
                                                        "name", "x", "subject", "y", "version",
                                                        1)))));
        assertThat(withReferences.json().get("error_code").asInt()).isEqualTo(42201);
        assertThat(log.records).isEmpty();
    }

    @Test
    void acceptsConfluentMediaTypesAndRejectsOthers() throws IOException {
        RegistryHttpClient client = start();
        String body = RegistryHttpClient.json(Map.of("schema", SCHEMA));

        for (String type :
                List.of(
                        "application/vnd.schemaregistry.v1+json",
                        "application/vnd.schemaregistry+json",
                        "application/json; charset=utf-8",
                        "application/octet-stream")) {
            assertThat(client.send("POST", "/subjects/a/versions", body, type).body())
                    .as(type)
                    .isEqualTo("{\"id\":1}");
        }
        assertThat(client.send("POST", "/subjects/a/versions", body, "text/plain"))
                .isEqualTo(
                        new Response(
                                415,
                                "{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media"
                                        + " Type\"}",
                                RegistryHttpClient.CONTENT_TYPE));
    }

    @Test
    void requiresBasicOrBearerCredentialsWhenConfigured() throws IOException {
        RegistryHttpClient anonymous = start(new RequestAuthenticator("alice", "s3cret", "tok"));
        String basic =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        String wrong =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("alice:guess".getBytes(StandardCharsets.UTF_8));

        Response denied = anonymous.get("/subjects");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThat(anonymous.withAuthorization(wrong).get("/subjects").status()).isEqualTo(401);
        assertThat(anonymous.withAuthorization("Bearer nope").get("/subjects").status())
                .isEqualTo(401);
        assertThat(anonymous.withAuthorization(basic).get("/subjects").status()).isEqualTo(200);
        assertThat(anonymous.withAuthorization("Bearer tok").get("/subjects").status())
                .isEqualTo(200);
        assertThat(
                        anonymous
                                .withAuthorization(wrong)
                                .postSchema("/subjects/a/versions", SCHEMA)
                                .status())
                .isEqualTo(401);
        assertThat(log.records).isEmpty();
    }

    @Test
    void storeFailuresBecome50001() throws IOException {
        RegistryHttpClient client = start();
        log.failing = true;

        assertThat(client.postSchema("/subjects/a/versions", SCHEMA))
                .isEqualTo(
                        new Response(
                                500,
                                "{\"error_code\":50001,\"message\":\"Error in the backend data"
                                        + " store: broker down (test)\"}",
                                RegistryHttpClient.CONTENT_TYPE));
    }

    @Test
    void splitsAndDecodesPathsAndQueries() {
        assertThat(RegistryHttpHandler.segments("/")).isEmpty();
        assertThat(RegistryHttpHandler.segments("/subjects/a%2Fb+c/versions/"))
                .containsExactly("subjects", "a/b+c", "versions");
        assertThat(RegistryHttpHandler.query("deleted=true&verbose&x=a%20b"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("deleted", "true", "verbose", "", "x", "a b"));
    }

    @Test
    void aBodyOverTheCapIsRefusedWith413AndTheNextRequestWorks() throws IOException {
        RegistryHttpClient client = start();
        String huge = "\"" + "x".repeat(RegistryHttpHandler.MAX_BODY_BYTES) + "\"";
        Response refused = client.postSchema("/subjects/a/versions", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("error_code").asInt()).isEqualTo(413);
        assertThat(refused.json().get("message").asText())
                .isEqualTo("Request body larger than 4194304 bytes: not a schema");
        assertThat(client.postSchema("/subjects/a/versions", SCHEMA).status()).isEqualTo(200);
    }

    @Test
    void aNonLoopbackHostNeedsAuthentication() {
        assertThatThrownBy(
                        () ->
                                DevSchemaRegistry.builder()
                                        .kafkaBootstrap("k:1")
                                        .host("0.0.0.0")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "The dev schema registry would listen on 0.0.0.0, which is not a loopback"
                                + " address, without authentication: set basicAuth or bearerToken"
                                + " (--basic-auth user:password or --bearer-token TOKEN), or bind"
                                + " 127.0.0.1");
        DevSchemaRegistry.builder().kafkaBootstrap("k:1").host("0.0.0.0").bearerToken("t").build();
        DevSchemaRegistry.builder().kafkaBootstrap("k:1").host("::1").build();
        assertThat(DevSchemaRegistryBuilder.isLoopback("127.0.0.2")).isTrue();
        assertThat(DevSchemaRegistryBuilder.isLoopback("10.0.0.1")).isFalse();
    }
}
