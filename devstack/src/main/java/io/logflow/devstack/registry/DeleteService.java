package io.logflow.devstack.registry;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft and permanent deletes of subjects and versions, in Confluent's two steps: a soft delete
 * rewrites the version with {@code deleted=true}, a permanent one then writes a tombstone.
 */
final class DeleteService {

    private final SchemaStore store;
    private final LogWriter writer;

    DeleteService(SchemaStore store, LogWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Deletes every version of the subject and returns their numbers. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return writer.locked(
                () -> {
                    List<SchemaEntry> all = store.versions(subject, true);
                    if (all.isEmpty()) {
                        throw RegistryError.subjectNotFound(subject);
                    }
                    boolean anyLive = all.stream().anyMatch(e -> !e.deleted());
                    if (permanent && anyLive) {
                        throw RegistryError.subjectNotSoftDeleted(subject);
                    }
                    if (!permanent && !anyLive) {
                        throw RegistryError.subjectSoftDeleted(subject);
                    }
                    List<Integer> deleted = new ArrayList<>();
                    for (SchemaEntry entry : all) {
                        if (permanent || !entry.deleted()) {
                            writer.append(update(entry, permanent));
                            deleted.add(entry.version());
                        }
                    }
                    // Confluent drops a deleted subject's own compatibility level with it.
                    if (!permanent && store.subjectLevel(subject).isPresent()) {
                        writer.append(new ConfigUpdate(subject, null));
                    }
                    return deleted;
                });
    }

    /** Deletes one version ({@code latest} allowed) and returns its number. */
    int deleteVersion(String subject, String versionText, boolean permanent) {
        int requested = SchemaService.parseVersion(versionText);
        return writer.locked(
                () -> {
                    List<SchemaEntry> all = store.versions(subject, true);
                    List<SchemaEntry> candidates =
                            permanent ? all : all.stream().filter(e -> !e.deleted()).toList();
                    if (candidates.isEmpty()) {
                        throw RegistryError.subjectNotFound(subject);
                    }
                    SchemaEntry entry =
                            requested == SchemaService.LATEST
                                    ? candidates.get(candidates.size() - 1)
                                    : all.stream()
                                            .filter(e -> e.version() == requested)
                                            .findFirst()
                                            .orElseThrow(
                                                    () -> RegistryError.versionNotFound(requested));
                    if (permanent && !entry.deleted()) {
                        throw RegistryError.versionNotSoftDeleted(subject, entry.version());
                    }
                    if (!permanent && entry.deleted()) {
                        throw RegistryError.versionSoftDeleted(subject, entry.version());
                    }
                    writer.append(update(entry, permanent));
                    return entry.version();
                });
    }

    private static SchemaUpdate update(SchemaEntry entry, boolean permanent) {
        return new SchemaUpdate(
                entry.subject(), entry.version(), permanent ? null : entry.softDeleted());
    }
}
