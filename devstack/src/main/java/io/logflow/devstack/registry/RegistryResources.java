package io.logflow.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST endpoints: read a request's parameters, call a service, shape Confluent's JSON. */
final class RegistryResources {

    /** A response body that is already JSON text, such as a raw schema. */
    record RawJson(String json) {}

    private final SchemaService schemas;
    private final ConfigService configs;
    private final DeleteService deletes;

    RegistryResources(SchemaService schemas, ConfigService configs, DeleteService deletes) {
        this.schemas = schemas;
        this.configs = configs;
        this.deletes = deletes;
    }

    Object root(RegistryRequest r) {
        return Map.of();
    }

    Object schemaTypes(RegistryRequest r) {
        return List.of("AVRO");
    }

    Object schemaById(RegistryRequest r) {
        return json("schema", schemas.schemaById(r.intPath("id")));
    }

    Object rawSchemaById(RegistryRequest r) {
        return new RawJson(schemas.schemaById(r.intPath("id")));
    }

    Object versionsOfId(RegistryRequest r) {
        return schemas.usesOfId(r.intPath("id"), r.flag("deleted")).stream()
                .map(e -> json("subject", e.subject(), "version", e.version()))
                .toList();
    }

    Object subjects(RegistryRequest r) {
        return schemas.subjects(r.flag("deleted"));
    }

    Object lookup(RegistryRequest r) {
        return entry(schemas.lookup(r.path("subject"), schemaText(r), r.flag("deleted")));
    }

    Object deleteSubject(RegistryRequest r) {
        return deletes.deleteSubject(r.path("subject"), r.flag("permanent"));
    }

    Object versions(RegistryRequest r) {
        return schemas.versions(r.path("subject"), r.flag("deleted"));
    }

    Object register(RegistryRequest r) {
        return json("id", schemas.register(r.path("subject"), schemaText(r)));
    }

    Object version(RegistryRequest r) {
        return entry(schemas.version(r.path("subject"), r.path("version"), r.flag("deleted")));
    }

    Object rawVersion(RegistryRequest r) {
        SchemaEntry entry =
                schemas.version(r.path("subject"), r.path("version"), r.flag("deleted"));
        return new RawJson(entry.schema());
    }

    Object deleteVersion(RegistryRequest r) {
        return deletes.deleteVersion(r.path("subject"), r.path("version"), r.flag("permanent"));
    }

    /** Without a version in the path, checks against what the subject's level covers. */
    Object compatibility(RegistryRequest r) {
        List<String> messages =
                schemas.incompatibilities(r.path("subject"), r.path("version"), schemaText(r));
        Map<String, Object> result = json("is_compatible", messages.isEmpty());
        if (r.flag("verbose")) {
            result.put("messages", messages);
        }
        return result;
    }

    Object globalConfig(RegistryRequest r) {
        return json("compatibilityLevel", configs.global());
    }

    Object setGlobalConfig(RegistryRequest r) {
        return json("compatibility", configs.setGlobal(levelText(r)));
    }

    Object deleteGlobalConfig(RegistryRequest r) {
        return json("compatibilityLevel", configs.deleteGlobal());
    }

    Object subjectConfig(RegistryRequest r) {
        CompatibilityLevel level = configs.subject(r.path("subject"), r.flag("defaultToGlobal"));
        return json("compatibilityLevel", level);
    }

    Object setSubjectConfig(RegistryRequest r) {
        return json("compatibility", configs.setSubject(r.path("subject"), levelText(r)));
    }

    Object deleteSubjectConfig(RegistryRequest r) {
        return json("compatibilityLevel", configs.deleteSubject(r.path("subject")));
    }

    private static String schemaText(RegistryRequest r) {
        JsonNode body = r.json();
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw RegistryError.invalidSchema(
                    "schemaType "
                            + type.asText()
                            + " is not supported; this registry handles AVRO");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema(
                    "schema references are not supported by this registry");
        }
        String schema = r.text("schema");
        if (schema == null) {
            throw RegistryError.invalidSchema("the request body has no \"schema\" string");
        }
        return schema;
    }

    private static String levelText(RegistryRequest r) {
        // "compatibilityLevel" is what GET returns; accept it back as well as "compatibility".
        String level = r.text("compatibility");
        return level != null ? level : r.text("compatibilityLevel");
    }

    private static Map<String, Object> entry(SchemaEntry e) {
        return json(
                "subject", e.subject(), "version", e.version(), "id", e.id(), "schema", e.schema());
    }

    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
