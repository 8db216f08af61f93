package io.logflow.devstack.registry;

/** One version of a subject: its global schema id, canonical Avro text and soft-delete flag. */
record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) {

    SchemaEntry softDeleted() {
        return new SchemaEntry(subject, version, id, schema, true);
    }
}
