package io.logflow.devstack.registry;

import org.apache.avro.Schema;

/** Parses Avro schema text the way the registry compares schemas: by canonical form. */
final class AvroSchemas {

    private AvroSchemas() {}

    /**
     * Parses a schema sent by a client.
     *
     * @throws RegistryError 42201 if it is not a valid Avro schema
     */
    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        try {
            // A fresh parser per call: parsers remember named types and are not thread-safe.
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // Avro reports bad schemas through several unchecked types (SchemaParseException,
            // AvroTypeException for bad defaults, ...); all mean the same to the client.
            throw RegistryError.invalidSchema(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The form schemas are stored and compared in: Avro's own serialisation, which drops whitespace
     * and key-order differences but keeps docs, defaults and custom properties.
     */
    static String canonical(Schema schema) {
        return schema.toString();
    }

    /** The canonical form of stored text, or the text itself if it does not parse. */
    static String canonicalOrSelf(String text) {
        try {
            return canonical(new Schema.Parser().parse(text));
        } catch (RuntimeException e) {
            return text;
        }
    }
}
