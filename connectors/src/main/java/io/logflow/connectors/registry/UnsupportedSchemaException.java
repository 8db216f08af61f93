package io.logflow.connectors.registry;

/**
 * The registry answered, but with a schema LogFlow cannot read records with: a JSON Schema or
 * Protobuf schema, an invalid Avro schema, or an Avro schema that does not resolve to the reader's.
 * Final for that schema id: asking again gives the same answer.
 */
public class UnsupportedSchemaException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public UnsupportedSchemaException(String message) {
        super(message, 200, -1, false);
    }

    /** The same failure told with more context (topic, subject). */
    public UnsupportedSchemaException(String message, RegistryException cause) {
        super(message, cause);
    }
}
