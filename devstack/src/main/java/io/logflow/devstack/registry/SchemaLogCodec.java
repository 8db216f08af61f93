package io.logflow.devstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SubjectDeletion;
import java.util.Optional;

/**
 * Confluent Schema Registry's JSON encoding of {@code _schemas} keys and values.
 *
 * <p>Keys are written with a fixed field order because compaction compares key bytes: a key spelled
 * differently from Confluent's would never replace the record it is meant to supersede.
 */
final class SchemaLogCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaLogCodec() {}

    static String key(SchemaLogRecord record) {
        ObjectNode key = MAPPER.createObjectNode();
        if (record instanceof SchemaUpdate update) {
            key.put("keytype", "SCHEMA");
            key.put("subject", update.subject());
            key.put("version", update.version());
            key.put("magic", 1);
        } else if (record instanceof ConfigUpdate config) {
            key.put("keytype", "CONFIG");
            key.put("subject", config.subject());
            key.put("magic", 0);
        } else {
            key.put("keytype", "DELETE_SUBJECT");
            key.put("subject", ((SubjectDeletion) record).subject());
            key.put("magic", 0);
        }
        return write(key);
    }

    /** The record's value, or null for a tombstone. */
    static String value(SchemaLogRecord record) {
        ObjectNode value = MAPPER.createObjectNode();
        if (record instanceof SchemaUpdate update) {
            SchemaEntry entry = update.entry();
            if (entry == null) {
                return null;
            }
            value.put("subject", entry.subject());
            value.put("version", entry.version());
            value.put("id", entry.id());
            value.put("schema", entry.schema());
            value.put("deleted", entry.deleted());
        } else if (record instanceof ConfigUpdate config) {
            if (config.level() == null) {
                return null;
            }
            value.put("compatibilityLevel", config.level().name());
        } else {
            SubjectDeletion deletion = (SubjectDeletion) record;
            value.put("subject", deletion.subject());
            value.put("version", deletion.version());
        }
        return write(value);
    }

    /**
     * Decodes one topic record; empty for record types this registry does not use (NOOP, modes).
     *
     * @throws IllegalArgumentException if the record is not valid Confluent JSON or holds a
     *     non-Avro schema
     */
    static Optional<SchemaLogRecord> decode(String keyJson, String valueJson) {
        JsonNode key = read(keyJson);
        String keyType = key.path("keytype").asText("");
        switch (keyType) {
            case "SCHEMA":
                return Optional.of(decodeSchema(key, valueJson));
            case "CONFIG":
                return decodeConfig(key, valueJson);
            case "DELETE_SUBJECT":
                if (valueJson == null) {
                    return Optional.empty();
                }
                JsonNode value = read(valueJson);
                return Optional.of(
                        new SubjectDeletion(
                                requiredText(value, "subject"), requiredInt(value, "version")));
            default:
                return Optional.empty();
        }
    }

    private static SchemaUpdate decodeSchema(JsonNode key, String valueJson) {
        String subject = requiredText(key, "subject");
        int version = requiredInt(key, "version");
        if (valueJson == null) {
            return new SchemaUpdate(subject, version, null);
        }
        JsonNode value = read(valueJson);
        String type = value.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new IllegalArgumentException("unsupported schemaType " + type);
        }
        SchemaEntry entry =
                new SchemaEntry(
                        subject,
                        version,
                        requiredInt(value, "id"),
                        requiredText(value, "schema"),
                        value.path("deleted").asBoolean(false));
        return new SchemaUpdate(subject, version, entry);
    }

    private static Optional<SchemaLogRecord> decodeConfig(JsonNode key, String valueJson) {
        JsonNode subjectNode = key.path("subject");
        String subject = subjectNode.isTextual() ? subjectNode.asText() : null;
        if (valueJson == null) {
            return Optional.of(new ConfigUpdate(subject, null));
        }
        JsonNode value = read(valueJson);
        // Older Confluent releases wrote "compatibility"; newer ones "compatibilityLevel".
        JsonNode levelNode =
                value.has("compatibilityLevel")
                        ? value.get("compatibilityLevel")
                        : value.path("compatibility");
        if (levelNode.isNull() || levelNode.isMissingNode()) {
            // A config record that only sets other properties (e.g. normalize) we do not model.
            return Optional.empty();
        }
        CompatibilityLevel level =
                CompatibilityLevel.parse(levelNode.asText())
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown compatibility level " + levelNode));
        return Optional.of(new ConfigUpdate(subject, level));
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "' in " + node);
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("missing int field '" + field + "' in " + node);
        }
        return value.asInt();
    }

    private static JsonNode read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + node, e);
        }
    }
}
