package io.logflow.devstack.generator;

/**
 * The generator cannot run, for a reason its message tells in one line: Kafka or the schema
 * registry unreachable, the topic missing.
 */
public class GeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GeneratorException(String message) {
        super(message);
    }

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
