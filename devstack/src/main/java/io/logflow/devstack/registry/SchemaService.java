package io.logflow.devstack.registry;

import io.logflow.devstack.registry.CompatibilityChecker.PreviousSchema;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/** Registering, looking up and compatibility-checking schemas, with Confluent's semantics. */
final class SchemaService {

    /** The version number that stands for "latest", as in Confluent's API. */
    static final int LATEST = -1;

    private final SchemaStore store;
    private final LogWriter writer;
    // Stored schemas are immutable per canonical text, so parse each one once.
    private final Map<String, Schema> parsed = new ConcurrentHashMap<>();

    SchemaService(SchemaStore store, LogWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /**
     * Registers the schema under the subject and returns its global id; an already registered
     * schema keeps its version, and one known under another subject keeps its id.
     */
    int register(String subject, String schemaText) {
        Schema schema = AvroSchemas.parse(schemaText);
        String canonical = AvroSchemas.canonical(schema);
        return writer.locked(
                () -> {
                    List<SchemaEntry> live = store.versions(subject, false);
                    for (SchemaEntry entry : live) {
                        if (entry.schema().equals(canonical)) {
                            return entry.id();
                        }
                    }
                    List<String> errors =
                            CompatibilityChecker.check(
                                    schema, previous(live), store.effectiveLevel(subject));
                    if (!errors.isEmpty()) {
                        throw RegistryError.incompatibleSchema(subject, errors);
                    }
                    int id = store.idOf(canonical).orElseGet(store::nextId);
                    int version = store.nextVersion(subject);
                    SchemaEntry entry = new SchemaEntry(subject, version, id, canonical, false);
                    writer.append(new SchemaUpdate(subject, version, entry));
                    return id;
                });
    }

    /** The newest version of the subject holding this schema. */
    SchemaEntry lookup(String subject, String schemaText, boolean includeDeleted) {
        String canonical = AvroSchemas.canonical(AvroSchemas.parse(schemaText));
        List<SchemaEntry> versions = existingVersions(subject, includeDeleted);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).schema().equals(canonical)) {
                return versions.get(i);
            }
        }
        throw RegistryError.schemaNotFound();
    }

    String schemaById(int id) {
        return store.schemaById(id).orElseThrow(() -> RegistryError.schemaNotFound(id));
    }

    List<SchemaEntry> usesOfId(int id, boolean includeDeleted) {
        schemaById(id);
        return store.entriesWithId(id, includeDeleted);
    }

    List<String> subjects(boolean includeDeleted) {
        return store.subjects(includeDeleted);
    }

    List<Integer> versions(String subject, boolean includeDeleted) {
        return existingVersions(subject, includeDeleted).stream()
                .map(SchemaEntry::version)
                .toList();
    }

    SchemaEntry version(String subject, String versionText, boolean includeDeleted) {
        int requested = parseVersion(versionText);
        return find(existingVersions(subject, includeDeleted), requested);
    }

    /**
     * Checks the schema against the subject's live versions: the given one, or for {@code latest}
     * and a null version those the subject's level covers.
     *
     * @return the incompatibilities found; empty if compatible
     */
    List<String> incompatibilities(String subject, String versionText, String schemaText) {
        int requested = versionText == null ? LATEST : parseVersion(versionText);
        Schema schema = AvroSchemas.parse(schemaText);
        List<SchemaEntry> live = store.versions(subject, false);
        if (live.isEmpty()) {
            return List.of();
        }
        List<SchemaEntry> against = requested == LATEST ? live : List.of(find(live, requested));
        return CompatibilityChecker.check(schema, previous(against), store.effectiveLevel(subject));
    }

    /**
     * Parses a version path segment: a positive int, {@code latest} or {@code -1}.
     *
     * @throws RegistryError 42202 otherwise
     */
    static int parseVersion(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version == LATEST || version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 42202 below, which names the offending text.
        }
        throw RegistryError.invalidVersion(text);
    }

    private List<SchemaEntry> existingVersions(String subject, boolean includeDeleted) {
        List<SchemaEntry> versions = store.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private static SchemaEntry find(List<SchemaEntry> versions, int requested) {
        if (requested == LATEST) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream()
                .filter(e -> e.version() == requested)
                .findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(requested));
    }

    private List<PreviousSchema> previous(List<SchemaEntry> entries) {
        List<PreviousSchema> result = new ArrayList<>(entries.size());
        for (SchemaEntry entry : entries) {
            result.add(new PreviousSchema(entry.version(), parsed(entry)));
        }
        return result;
    }

    private Schema parsed(SchemaEntry entry) {
        return parsed.computeIfAbsent(
                entry.schema(),
                text -> {
                    try {
                        return new Schema.Parser().parse(text);
                    } catch (RuntimeException e) {
                        throw RegistryError.storeError(
                                "stored schema "
                                        + entry.id()
                                        + " is not valid Avro: "
                                        + e.getMessage(),
                                e);
                    }
                });
    }
}
