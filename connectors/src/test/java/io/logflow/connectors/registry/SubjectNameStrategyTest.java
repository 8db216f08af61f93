package io.logflow.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.schema.LogEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private final Schema schema = LogEvent.getClassSchema();

    @Test
    void namesSubjectsLikeConfluent() {
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("logs", false, schema))
                .isEqualTo("logs-value");
        assertThat(SubjectNameStrategy.TOPIC_NAME.subject("logs", true, schema))
                .isEqualTo("logs-key");
        assertThat(SubjectNameStrategy.RECORD_NAME.subject("logs", false, schema))
                .isEqualTo("io.logflow.schema.LogEvent");
        assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("logs", false, schema))
                .isEqualTo("logs-io.logflow.schema.LogEvent");
    }

    @Test
    void recordNameNeedsARecord() {
        assertThatThrownBy(
                        () ->
                                SubjectNameStrategy.RECORD_NAME.subject(
                                        "t", false, Schema.create(Schema.Type.STRING)))
                .hasMessageContaining("record schema");
    }

    @Test
    void parsesClassAndEnumNames() {
        assertThat(SubjectNameStrategy.parse("TopicNameStrategy"))
                .isEqualTo(SubjectNameStrategy.TOPIC_NAME);
        assertThat(SubjectNameStrategy.parse("TOPIC_RECORD_NAME"))
                .isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThatThrownBy(() -> SubjectNameStrategy.parse("Nope")).hasMessageContaining("Nope");
    }
}
