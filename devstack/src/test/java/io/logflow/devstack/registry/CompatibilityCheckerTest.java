package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.registry.CompatibilityChecker.PreviousSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final String ID = "{\"name\":\"id\",\"type\":\"int\"}";
    private static final String NAME = "{\"name\":\"name\",\"type\":\"string\"}";
    private static final String NAME_DEFAULT =
            "{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}";

    private static Schema user(String... fields) {
        return new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
                                + String.join(",", fields)
                                + "]}");
    }

    private static List<PreviousSchema> history(Schema... schemas) {
        List<PreviousSchema> result = new ArrayList<>();
        for (int i = 0; i < schemas.length; i++) {
            result.add(new PreviousSchema(i + 1, schemas[i]));
        }
        return result;
    }

    private static List<String> check(Schema candidate, CompatibilityLevel level, Schema... old) {
        return CompatibilityChecker.check(candidate, history(old), level);
    }

    @Test
    void addingFieldWithDefaultIsFullyCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(check(user(ID, NAME_DEFAULT), level, user(ID))).as(level.name()).isEmpty();
        }
    }

    @Test
    void addingFieldWithoutDefaultBreaksBackwardOnlyWithAvrosReason() {
        Schema v1 = user(ID);
        Schema v2 = user(ID, NAME);

        assertThat(check(v2, CompatibilityLevel.BACKWARD, v1))
                .containsExactly(
                        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'At path"
                                + " '/fields/1' the new schema cannot read data written with the"
                                + " old schema', additionalInfo:'name'}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + v1 + "'}",
                        "{compatibility: 'BACKWARD'}");
        assertThat(check(v2, CompatibilityLevel.FORWARD, v1)).isEmpty();
        assertThat(check(v2, CompatibilityLevel.FULL, v1))
                .hasSize(4)
                .first()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(check(v2, CompatibilityLevel.NONE, v1)).isEmpty();
    }

    @Test
    void removingFieldWithoutDefaultBreaksForwardOnly() {
        Schema v1 = user(ID, NAME);
        Schema v2 = user(NAME);

        assertThat(check(v2, CompatibilityLevel.BACKWARD, v1)).isEmpty();
        assertThat(check(v2, CompatibilityLevel.FORWARD, v1))
                .containsExactly(
                        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'At path"
                                + " '/fields/0' the old schema cannot read data written with the"
                                + " new schema', additionalInfo:'id'}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + v1 + "'}",
                        "{compatibility: 'FORWARD'}");
    }

    @Test
    void fullReportsBothDirections() {
        Schema v1 = user(ID);
        Schema v2 = user("{\"name\":\"id\",\"type\":\"string\"}");

        List<String> messages = check(v2, CompatibilityLevel.FULL, v1);

        assertThat(messages).hasSize(5);
        assertThat(messages.get(0))
                .startsWith(
                        "{errorType:'TYPE_MISMATCH', description:'At path '/fields/0/type'"
                                + " the new schema");
        assertThat(messages.get(1))
                .startsWith(
                        "{errorType:'TYPE_MISMATCH', description:'At path '/fields/0/type'"
                                + " the old schema");
        assertThat(messages.get(4)).isEqualTo("{compatibility: 'FULL'}");
        assertThat(check(v2, CompatibilityLevel.NONE, v1)).isEmpty();
    }

    @Test
    void backwardChecksOnlyTheLatestWhileTransitiveChecksAll() {
        Schema v1 = user(ID);
        Schema v2 = user(ID, NAME_DEFAULT);
        Schema v3 = user(ID, NAME); // readable from v2 data, not from v1 data

        assertThat(check(v3, CompatibilityLevel.BACKWARD, v1, v2)).isEmpty();
        assertThat(check(v3, CompatibilityLevel.FULL, v1, v2)).isEmpty();
        assertThat(check(v3, CompatibilityLevel.BACKWARD_TRANSITIVE, v1, v2))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}");
        assertThat(check(v3, CompatibilityLevel.FULL_TRANSITIVE, v1, v2))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'FULL_TRANSITIVE'}");
    }

    @Test
    void forwardChecksOnlyTheLatestWhileTransitiveChecksAll() {
        Schema v1 = user(ID, NAME);
        Schema v2 = user(ID, NAME_DEFAULT);
        Schema v3 = user(ID); // v2 can read its data thanks to the default, v1 cannot

        assertThat(check(v3, CompatibilityLevel.FORWARD, v1, v2)).isEmpty();
        assertThat(check(v3, CompatibilityLevel.FORWARD_TRANSITIVE, v1, v2))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'FORWARD_TRANSITIVE'}");
    }

    @Test
    void transitiveReportsTheNewestIncompatibleVersion() {
        Schema v1 = user(ID);
        Schema v2 = user(ID);
        Schema v3 = user("{\"name\":\"id\",\"type\":\"string\"}");

        assertThat(check(v3, CompatibilityLevel.BACKWARD_TRANSITIVE, v1, v2))
                .contains("{oldSchemaVersion: 2}")
                .doesNotContain("{oldSchemaVersion: 1}");
    }

    @Test
    void nothingToCompareWithIsCompatible() {
        assertThat(check(user(ID), CompatibilityLevel.FULL_TRANSITIVE)).isEmpty();
    }

    @Test
    void levelsParseCaseInsensitivelyAndRejectUnknownNames() {
        assertThat(CompatibilityLevel.parse("full_transitive"))
                .contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }
}
