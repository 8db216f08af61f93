package io.logflow.devstack.registry;

/** One record of the {@code _schemas} topic, decoded from Confluent's key and value JSON. */
sealed interface SchemaLogRecord
        permits SchemaLogRecord.SchemaUpdate,
                SchemaLogRecord.ConfigUpdate,
                SchemaLogRecord.SubjectDeletion {

    /** A subject version; a null entry is a tombstone, i.e. a permanent delete. */
    record SchemaUpdate(String subject, int version, SchemaEntry entry)
            implements SchemaLogRecord {}

    /**
     * A compatibility setting; a null subject is the global config, a null level removes the
     * setting.
     */
    record ConfigUpdate(String subject, CompatibilityLevel level) implements SchemaLogRecord {}

    /**
     * Confluent's own soft delete of a whole subject (versions up to {@code version}); this
     * registry never writes one but honours those found in the topic.
     */
    record SubjectDeletion(String subject, int version) implements SchemaLogRecord {}
}
