package io.logflow.devstack.generator;

import io.logflow.schema.Level;

/**
 * The message templates the generator renders. Each repeats with variable parts (ids, IPs,
 * durations, hex, quoted values), so pattern mining downstream has real templates to recover; the
 * level and HTTP status travel with the template so a line never contradicts itself.
 */
public enum Template {
    /** {@code GET /api/cart 200 12ms}: the status varies with the request. */
    ACCESS(Level.INFO, 0),
    SLOW_REQUEST(Level.WARN, 0),
    CALL_TIMEOUT(Level.ERROR, 504),
    CONNECTION_REFUSED(Level.ERROR, 503),
    UPSTREAM_ERROR(Level.ERROR, 502),
    DEADLOCK(Level.ERROR, 500),
    NULL_POINTER(Level.ERROR, 500),
    POOL_EXHAUSTED(Level.ERROR, 503),
    BAD_RESPONSE(Level.ERROR, 502),
    CIRCUIT_OPEN(Level.ERROR, 503),
    USER_NOT_FOUND(Level.WARN, 404),
    PRODUCT_NOT_FOUND(Level.WARN, 404),
    INVALID_CREDENTIALS(Level.WARN, 401),
    TOKEN_EXPIRED(Level.WARN, 401),
    RATE_LIMITED(Level.WARN, 429),
    VALIDATION_FAILED(Level.WARN, 400),
    CACHE_LOOKUP(Level.DEBUG, 0),
    ROWS_LOADED(Level.DEBUG, 0),
    CONFIG_REFRESHED(Level.INFO, 0),
    GC_PAUSE(Level.INFO, 0),
    OUT_OF_MEMORY(Level.FATAL, 0),
    GIVING_UP(Level.FATAL, 0);

    private final Level level;
    private final int status;

    Template(Level level, int status) {
        this.level = level;
        this.status = status;
    }

    /** The level a line of this template is logged at. */
    public Level level() {
        return level;
    }

    /** The HTTP status this template reports, or 0 when the request decides it. */
    public int status() {
        return status;
    }
}
