package io.logflow.devstack.generator;

/** How the generator wrote one record: a valid event in either schema version, or malformed. */
public enum RecordKind {
    /** Valid, written with the current {@code LogEvent} schema. */
    V1(false),
    /** Valid, written with the v2 schema (adds environment and region). */
    V2(false),
    /** A valid record whose first byte is not the Confluent magic byte 0. */
    BAD_MAGIC(true),
    /** A correct header followed by only part of the Avro payload. */
    TRUNCATED_AVRO(true),
    /** A well-formed record whose header names a schema id the registry does not have. */
    UNKNOWN_SCHEMA_ID(true);

    private final boolean malformed;

    RecordKind(boolean malformed) {
        this.malformed = malformed;
    }

    public boolean isMalformed() {
        return malformed;
    }
}
