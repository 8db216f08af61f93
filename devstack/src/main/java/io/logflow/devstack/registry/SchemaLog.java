package io.logflow.devstack.registry;

/** Durable, ordered storage for registry records; the in-memory store follows what it accepted. */
interface SchemaLog {

    /**
     * Appends the record and returns once it is durably stored.
     *
     * @throws RegistryError 50001 if it could not be stored within a bounded time
     */
    void append(SchemaLogRecord record);
}
