package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The services over an in-memory log: Confluent's semantics without a broker. */
class RegistryServicesTest {

    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";
    private static final String V1_SPACED =
            "{ \"type\": \"record\",\n \"name\": \"User\",\n"
                    + " \"fields\": [ {\"type\": \"int\", \"name\": \"id\"} ] }";
    private static final String V2 =
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
                    + "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String V2_NO_DEFAULT =
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
                    + "{\"name\":\"name\",\"type\":\"string\"}]}";

    private final InMemorySchemaLog log = new InMemorySchemaLog();
    private final SchemaStore store = new SchemaStore();
    private final LogWriter writer = new LogWriter(log, store);
    private final SchemaService schemas = new SchemaService(store, writer);
    private final ConfigService configs = new ConfigService(store, writer);
    private final DeleteService deletes = new DeleteService(store, writer);

    private static void assertError(ThrowingCallable call, int status, int code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RegistryError.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(status);
                            assertThat(e.errorCode()).isEqualTo(code);
                        })
                .hasMessage(message);
    }

    @Test
    void registersInCanonicalFormAndIsIdempotent() {
        assertThat(schemas.register("a", V1)).isEqualTo(1);
        assertThat(schemas.register("a", V1_SPACED)).isEqualTo(1);
        assertThat(schemas.register("b", V1_SPACED)).isEqualTo(1);
        assertThat(schemas.register("a", V2)).isEqualTo(2);

        assertThat(schemas.versions("a", false)).containsExactly(1, 2);
        assertThat(schemas.schemaById(1)).isEqualTo(V1);
        assertThat(schemas.lookup("b", V1_SPACED, false))
                .isEqualTo(new SchemaEntry("b", 1, 1, V1, false));
        assertThat(log.records).hasSize(3);
    }

    @Test
    void rejectsIncompatibleAndInvalidSchemasWithoutWriting() {
        schemas.register("a", V1);

        assertThatThrownBy(() -> schemas.register("a", V2_NO_DEFAULT))
                .isInstanceOfSatisfying(
                        RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(409))
                .hasMessageStartingWith(
                        "Schema being registered is incompatible with an earlier schema for subject"
                            + " \"a\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
        assertError(
                () -> schemas.register("a", "{\"type\":\"nope\"}"),
                422,
                42201,
                "Invalid schema: Type not supported: nope");
        assertError(() -> schemas.register("a", "  "), 422, 42201, "Invalid schema: empty schema");
        assertThat(log.records).hasSize(1);

        configs.setSubject("a", "none");
        assertThat(schemas.register("a", V2_NO_DEFAULT)).isEqualTo(2);
    }

    @Test
    void reportsConfluentErrorsForMissingThings() {
        schemas.register("a", V1);

        assertError(() -> schemas.schemaById(9), 404, 40403, "Schema 9 not found");
        assertError(() -> schemas.versions("b", false), 404, 40401, "Subject 'b' not found.");
        assertError(() -> schemas.version("a", "2", false), 404, 40402, "Version 2 not found.");
        assertError(() -> schemas.lookup("a", V2, false), 404, 40403, "Schema not found");
        assertError(
                () -> schemas.version("a", "0", false),
                422,
                42202,
                "The specified version '0' is not a valid version id. Allowed values are between"
                        + " [1, 2^31-1] and the string \"latest\"");
        assertThat(schemas.version("a", "-1", false).version()).isEqualTo(1);
        assertThat(schemas.version("a", "LATEST", false).version()).isEqualTo(1);
    }

    @Test
    void softDeleteThenPermanentDelete() {
        schemas.register("a", V1);
        schemas.register("a", V2);
        configs.setSubject("a", "FULL");

        assertError(
                () -> deletes.deleteSubject("a", true),
                404,
                40405,
                "Subject 'a' was not deleted first before being permanently deleted");
        assertThat(deletes.deleteSubject("a", false)).containsExactly(1, 2);
        assertThat(configs.subject("a", true)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertError(() -> schemas.versions("a", false), 404, 40401, "Subject 'a' not found.");
        assertThat(schemas.versions("a", true)).containsExactly(1, 2);
        assertError(
                () -> deletes.deleteSubject("a", false),
                404,
                40404,
                "Subject 'a' was soft deleted. Set permanent=true to delete permanently");

        // Re-registering continues the numbering; the schema keeps its id.
        assertThat(schemas.register("a", V1)).isEqualTo(1);
        assertThat(schemas.versions("a", false)).containsExactly(3);

        assertThat(deletes.deleteVersion("a", "latest", false)).isEqualTo(3);
        assertThat(deletes.deleteSubject("a", true)).containsExactly(1, 2, 3);
        assertError(() -> schemas.schemaById(1), 404, 40403, "Schema 1 not found");
        assertThat(log.records.get(log.records.size() - 1))
                .isEqualTo(new SchemaUpdate("a", 3, null));
        assertThat(schemas.register("a", V1)).isEqualTo(3);
    }

    @Test
    void versionDeletesFollowTheTwoSteps() {
        schemas.register("a", V1);
        schemas.register("a", V2);

        assertError(
                () -> deletes.deleteVersion("a", "1", true),
                404,
                40406,
                "Subject 'a' Version 1 was not deleted first before being permanently deleted");
        assertThat(deletes.deleteVersion("a", "1", false)).isEqualTo(1);
        assertError(
                () -> deletes.deleteVersion("a", "1", false),
                404,
                40407,
                "Subject 'a' Version 1 was soft deleted. Set permanent=true to delete permanently");
        assertError(
                () -> deletes.deleteVersion("a", "7", false), 404, 40402, "Version 7 not found.");
        assertThat(deletes.deleteVersion("a", "1", true)).isEqualTo(1);
        assertThat(schemas.versions("a", true)).containsExactly(2);
    }

    @Test
    void configsAreSetReadAndRemoved() {
        assertThat(configs.global()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertError(
                () -> configs.subject("a", false),
                404,
                40408,
                "Subject 'a' does not have subject-level compatibility configured");
        assertError(() -> configs.setGlobal("SIDEWAYS"), 422, 42203, "Invalid compatibility level");
        assertError(() -> configs.setGlobal(null), 422, 42203, "Invalid compatibility level");

        assertThat(configs.setGlobal("forward")).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(configs.setSubject("a", "NONE")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(configs.subject("b", true)).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(configs.deleteSubject("a")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(configs.deleteGlobal()).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(configs.global()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(log.records)
                .containsExactly(
                        new ConfigUpdate(null, CompatibilityLevel.FORWARD),
                        new ConfigUpdate("a", CompatibilityLevel.NONE),
                        new ConfigUpdate("a", null),
                        new ConfigUpdate(null, null));
    }

    @Test
    void aFailedWriteLeavesTheStoreUnchanged() {
        schemas.register("a", V1);
        log.failing = true;

        assertError(
                () -> schemas.register("a", V2),
                500,
                50001,
                "Error in the backend data store: broker down (test)");
        assertError(
                () -> configs.setGlobal("NONE"),
                500,
                50001,
                "Error in the backend data store: broker down (test)");

        log.failing = false;
        assertThat(schemas.versions("a", false)).containsExactly(1);
        assertThat(configs.global()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(schemas.register("a", V2)).isEqualTo(2);
    }

    @Test
    void compatibilityEndpointSemantics() {
        assertThat(schemas.incompatibilities("new", "latest", V1)).isEmpty();
        assertThat(schemas.incompatibilities("new", "3", V1)).isEmpty();
        schemas.register("a", V1);

        assertThat(schemas.incompatibilities("a", "latest", V2)).isEmpty();
        assertThat(schemas.incompatibilities("a", "1", V2_NO_DEFAULT))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
        assertError(
                () -> schemas.incompatibilities("a", "2", V2), 404, 40402, "Version 2 not found.");
        assertError(
                () -> schemas.incompatibilities("a", "x", V2),
                422,
                42202,
                "The specified version 'x' is not a valid version id. Allowed values are between"
                        + " [1, 2^31-1] and the string \"latest\"");
    }
}
