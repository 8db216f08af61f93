package io.logflow.connectors.registry;

import org.apache.avro.Schema;

/** How a topic and a record schema map to a registry subject, as in Confluent's serializers. */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} or {@code <topic>-key}: one schema lineage per topic (default). */
    TOPIC_NAME,
    /** The record's full name: one lineage per record type, shared across topics. */
    RECORD_NAME,
    /** {@code <topic>-<record full name>}: several record types per topic. */
    TOPIC_RECORD_NAME;

    /** The subject for a schema written to {@code topic} as key or value. */
    public String subject(String topic, boolean isKey, Schema schema) {
        switch (this) {
            case TOPIC_NAME:
                if (topic == null || topic.isEmpty()) {
                    throw new IllegalArgumentException(
                            "TopicNameStrategy needs a topic to name the subject");
                }
                return topic + (isKey ? "-key" : "-value");
            case RECORD_NAME:
                return recordName(schema);
            case TOPIC_RECORD_NAME:
                return topic + "-" + recordName(schema);
            default:
                throw new AssertionError(this);
        }
    }

    private static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(
                    "RecordNameStrategy needs a record schema, got " + schema.getType());
        }
        return schema.getFullName();
    }

    /** Parses Confluent's class names or our enum names, e.g. {@code TopicNameStrategy}. */
    public static SubjectNameStrategy parse(String value) {
        String simple = value.substring(value.lastIndexOf('.') + 1).trim();
        switch (simple) {
            case "TopicNameStrategy":
            case "TOPIC_NAME":
                return TOPIC_NAME;
            case "RecordNameStrategy":
            case "RECORD_NAME":
                return RECORD_NAME;
            case "TopicRecordNameStrategy":
            case "TOPIC_RECORD_NAME":
                return TOPIC_RECORD_NAME;
            default:
                throw new IllegalArgumentException(
                        "Unknown subject name strategy '"
                                + value
                                + "'; use TopicNameStrategy, RecordNameStrategy or"
                                + " TopicRecordNameStrategy");
        }
    }
}
