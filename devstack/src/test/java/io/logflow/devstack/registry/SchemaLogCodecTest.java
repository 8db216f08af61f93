package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SubjectDeletion;
import org.junit.jupiter.api.Test;

class SchemaLogCodecTest {

    private static final SchemaUpdate SCHEMA =
            new SchemaUpdate(
                    "logs-value", 2, new SchemaEntry("logs-value", 2, 7, "\"string\"", false));

    @Test
    void schemaRecordsUseConfluentsKeyAndValueJson() {
        assertThat(SchemaLogCodec.key(SCHEMA))
                .isEqualTo(
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"logs-value\",\"version\":2,\"magic\":1}");
        assertThat(SchemaLogCodec.value(SCHEMA))
                .isEqualTo(
                        "{\"subject\":\"logs-value\",\"version\":2,\"id\":7,"
                                + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    }

    @Test
    void configRecordsUseConfluentsKeyAndValueJson() {
        ConfigUpdate global = new ConfigUpdate(null, CompatibilityLevel.FULL);
        ConfigUpdate subject = new ConfigUpdate("logs-value", null);

        assertThat(SchemaLogCodec.key(global))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(SchemaLogCodec.value(global)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(SchemaLogCodec.key(subject))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"logs-value\",\"magic\":0}");
        assertThat(SchemaLogCodec.value(subject)).isNull();
    }

    @Test
    void tombstonesHaveNullValues() {
        assertThat(SchemaLogCodec.value(new SchemaUpdate("s", 1, null))).isNull();
    }

    @Test
    void recordsRoundTrip() {
        SchemaUpdate softDeleted =
                new SchemaUpdate("s", 3, new SchemaEntry("s", 3, 4, "\"int\"", true));
        for (SchemaLogRecord record :
                new SchemaLogRecord[] {
                    SCHEMA,
                    softDeleted,
                    new SchemaUpdate("s", 1, null),
                    new ConfigUpdate(null, CompatibilityLevel.NONE),
                    new ConfigUpdate("s", CompatibilityLevel.FORWARD_TRANSITIVE),
                    new ConfigUpdate("s", null),
                    new SubjectDeletion("s", 3)
                }) {
            assertThat(
                            SchemaLogCodec.decode(
                                    SchemaLogCodec.key(record), SchemaLogCodec.value(record)))
                    .contains(record);
        }
    }

    @Test
    void readsRecordsWrittenByConfluentIgnoringFieldsItDoesNotModel() {
        // Field order and extra fields as a newer Confluent release writes them.
        String key = "{\"magic\":1,\"subject\":\"a\",\"version\":1,\"keytype\":\"SCHEMA\"}";
        String value =
                "{\"subject\":\"a\",\"version\":1,\"id\":3,\"schemaType\":\"AVRO\","
                        + "\"references\":[],\"schema\":\"\\\"long\\\"\",\"deleted\":true,"
                        + "\"metadata\":null}";

        assertThat(SchemaLogCodec.decode(key, value))
                .contains(new SchemaUpdate("a", 1, new SchemaEntry("a", 1, 3, "\"long\"", true)));
        assertThat(
                        SchemaLogCodec.decode(
                                "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                                "{\"compatibility\":\"full\"}"))
                .contains(new ConfigUpdate(null, CompatibilityLevel.FULL));
    }

    @Test
    void ignoresRecordTypesItDoesNotUse() {
        assertThat(SchemaLogCodec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
        assertThat(
                        SchemaLogCodec.decode(
                                "{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}",
                                "{\"mode\":\"READWRITE\"}"))
                .isEmpty();
    }

    @Test
    void rejectsMalformedAndNonAvroRecords() {
        assertThatThrownBy(() -> SchemaLogCodec.decode("not json", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(
                        () ->
                                SchemaLogCodec.decode(
                                        "{\"keytype\":\"SCHEMA\",\"subject\":\"a\"}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'version'");
        assertThatThrownBy(
                        () ->
                                SchemaLogCodec.decode(
                                        "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}",
                                        "{\"subject\":\"a\",\"version\":1,\"id\":1,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported schemaType PROTOBUF");
    }
}
