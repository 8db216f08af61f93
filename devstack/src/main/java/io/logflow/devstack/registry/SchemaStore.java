package io.logflow.devstack.registry;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SubjectDeletion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's in-memory state: a fold of the {@code _schemas} records replayed at start and
 * those acknowledged by Kafka since, so it never holds anything the topic does not.
 */
final class SchemaStore {

    private final Map<String, TreeMap<Integer, SchemaEntry>> subjects = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    // Counts permanently deleted schemas too, so their ids are not handed out again while the
    // topic still holds their records and clients' cached id -> schema mappings stay true.
    private int maxId;

    synchronized void apply(SchemaLogRecord record) {
        if (record instanceof SchemaUpdate update) {
            applySchema(update);
        } else if (record instanceof ConfigUpdate config) {
            if (config.subject() == null) {
                globalLevel = config.level();
            } else if (config.level() == null) {
                subjectLevels.remove(config.subject());
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        } else if (record instanceof SubjectDeletion deletion) {
            TreeMap<Integer, SchemaEntry> versions = subjects.get(deletion.subject());
            if (versions != null) {
                versions.headMap(deletion.version(), true).replaceAll((v, e) -> e.softDeleted());
            }
        }
    }

    private void applySchema(SchemaUpdate update) {
        TreeMap<Integer, SchemaEntry> versions =
                subjects.computeIfAbsent(update.subject(), s -> new TreeMap<>());
        SchemaEntry entry = update.entry();
        SchemaEntry previous;
        if (entry == null) {
            previous = versions.remove(update.version());
            if (versions.isEmpty()) {
                subjects.remove(update.subject());
            }
        } else {
            previous = versions.put(update.version(), entry);
            schemasById.put(entry.id(), entry.schema());
            idsBySchema.putIfAbsent(entry.schema(), entry.id());
            maxId = Math.max(maxId, entry.id());
        }
        if (previous != null && (entry == null || previous.id() != entry.id())) {
            forgetIfUnreferenced(previous.id());
        }
    }

    // An id stays resolvable while any version, even a soft-deleted one, still uses it.
    private void forgetIfUnreferenced(int id) {
        boolean referenced =
                subjects.values().stream()
                        .flatMap(versions -> versions.values().stream())
                        .anyMatch(e -> e.id() == id);
        if (!referenced) {
            String schema = schemasById.remove(id);
            idsBySchema.remove(schema, id);
        }
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    /** The subject's versions in ascending order; empty if it has none. */
    synchronized List<SchemaEntry> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
        List<SchemaEntry> result = new ArrayList<>();
        if (versions != null) {
            for (SchemaEntry entry : versions.values()) {
                if (includeDeleted || !entry.deleted()) {
                    result.add(entry);
                }
            }
        }
        return result;
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, SchemaEntry>> subject : subjects.entrySet()) {
            if (includeDeleted
                    || subject.getValue().values().stream().anyMatch(e -> !e.deleted())) {
                result.add(subject.getKey());
            }
        }
        result.sort(Comparator.naturalOrder());
        return result;
    }

    /** Every subject version registered with the id, ordered by subject then version. */
    synchronized List<SchemaEntry> entriesWithId(int id, boolean includeDeleted) {
        List<SchemaEntry> result = new ArrayList<>();
        for (String subject : subjects(true)) {
            for (SchemaEntry entry : versions(subject, includeDeleted)) {
                if (entry.id() == id) {
                    result.add(entry);
                }
            }
        }
        return result;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The global level if one was set explicitly. */
    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    /** The level that governs the subject: its own, else the global one, else the default. */
    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).or(this::globalLevel).orElse(CompatibilityLevel.DEFAULT);
    }

    synchronized int nextId() {
        return maxId + 1;
    }

    /** One past the highest version, soft-deleted ones included, as Confluent numbers them. */
    synchronized int nextVersion(String subject) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }
}
