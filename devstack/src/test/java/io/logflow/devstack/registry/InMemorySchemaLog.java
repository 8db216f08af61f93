package io.logflow.devstack.registry;

import java.util.ArrayList;
import java.util.List;

/** A {@link SchemaLog} for unit tests: keeps appended records and can be switched to fail. */
final class InMemorySchemaLog implements SchemaLog {

    final List<SchemaLogRecord> records = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized void append(SchemaLogRecord record) {
        if (failing) {
            throw RegistryError.storeError("broker down (test)", null);
        }
        records.add(record);
    }
}
