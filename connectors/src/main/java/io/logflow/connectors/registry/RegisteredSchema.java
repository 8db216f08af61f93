package io.logflow.connectors.registry;

import org.apache.avro.Schema;

/** A schema as the registry holds it under a subject: its global id and its version there. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
