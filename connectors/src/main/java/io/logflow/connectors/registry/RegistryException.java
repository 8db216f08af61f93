package io.logflow.connectors.registry;

import java.io.IOException;

/**
 * A schema registry call that failed, with Confluent's {@code error_code} and message when the
 * registry sent them.
 */
public class RegistryException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Confluent error codes that LogFlow reacts to. */
    public static final int SUBJECT_NOT_FOUND = 40401;

    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int UNAUTHORIZED = 401;

    private final int httpStatus;
    private final int errorCode;
    private final boolean retriable;

    public RegistryException(String message, int httpStatus, int errorCode, boolean retriable) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retriable = retriable;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
        this.retriable = true;
    }

    /** The same failure as {@code cause}, told with more context (topic, subject). */
    public RegistryException(String message, RegistryException cause) {
        super(message, cause);
        this.httpStatus = cause.httpStatus;
        this.errorCode = cause.errorCode;
        this.retriable = cause.retriable;
    }

    /** The HTTP status, or -1 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code}, or -1 when the body had none. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * True when trying again later may succeed (the registry was unreachable, timed out or answered
     * 5xx); false when the answer is final, e.g. an unknown schema id.
     */
    public boolean isRetriable() {
        return retriable;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
