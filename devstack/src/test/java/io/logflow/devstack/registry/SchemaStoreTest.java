package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SchemaUpdate;
import io.logflow.devstack.registry.SchemaLogRecord.SubjectDeletion;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    private final SchemaStore store = new SchemaStore();

    private void put(String subject, int version, int id, String schema, boolean deleted) {
        store.apply(
                new SchemaUpdate(
                        subject, version, new SchemaEntry(subject, version, id, schema, deleted)));
    }

    @Test
    void startsEmptyWithTheDefaultLevel() {
        assertThat(store.subjects(true)).isEmpty();
        assertThat(store.nextId()).isEqualTo(1);
        assertThat(store.nextVersion("a")).isEqualTo(1);
        assertThat(store.effectiveLevel("a")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void tracksVersionsIdsAndSubjects() {
        put("b", 1, 1, "\"int\"", false);
        put("a", 1, 1, "\"int\"", false);
        put("a", 2, 5, "\"long\"", false);

        assertThat(store.subjects(false)).containsExactly("a", "b");
        assertThat(store.versions("a", false)).extracting(SchemaEntry::id).containsExactly(1, 5);
        assertThat(store.idOf("\"long\"")).contains(5);
        assertThat(store.schemaById(1)).contains("\"int\"");
        assertThat(store.entriesWithId(1, false))
                .extracting(SchemaEntry::subject)
                .containsExactly("a", "b");
        assertThat(store.nextId()).isEqualTo(6);
        assertThat(store.nextVersion("a")).isEqualTo(3);
    }

    @Test
    void softDeletedVersionsAreHiddenButKeepTheirIdAndNumber() {
        put("a", 1, 1, "\"int\"", false);
        put("a", 1, 1, "\"int\"", true);

        assertThat(store.subjects(false)).isEmpty();
        assertThat(store.subjects(true)).containsExactly("a");
        assertThat(store.versions("a", false)).isEmpty();
        assertThat(store.schemaById(1)).contains("\"int\"");
        assertThat(store.nextVersion("a")).isEqualTo(2);
    }

    @Test
    void tombstonesForgetAnIdOnlyWhenNoVersionUsesItButNeverReuseIt() {
        put("a", 1, 1, "\"int\"", true);
        put("b", 1, 1, "\"int\"", false);
        store.apply(new SchemaUpdate("a", 1, null));

        assertThat(store.subjects(true)).containsExactly("b");
        assertThat(store.schemaById(1)).contains("\"int\"");

        store.apply(new SchemaUpdate("b", 1, null));

        assertThat(store.schemaById(1)).isEmpty();
        assertThat(store.idOf("\"int\"")).isEmpty();
        assertThat(store.nextId()).isEqualTo(2);
        assertThat(store.nextVersion("b")).isEqualTo(1);
    }

    @Test
    void confluentSubjectDeletionSoftDeletesVersionsUpToItsWatermark() {
        put("a", 1, 1, "\"int\"", false);
        put("a", 2, 2, "\"long\"", false);
        store.apply(new SubjectDeletion("a", 1));

        assertThat(store.versions("a", false)).extracting(SchemaEntry::version).containsExactly(2);
        assertThat(store.versions("a", true))
                .extracting(SchemaEntry::deleted)
                .containsExactly(true, false);
    }

    @Test
    void configFallsBackFromSubjectToGlobalToDefault() {
        store.apply(new ConfigUpdate(null, CompatibilityLevel.FULL));
        store.apply(new ConfigUpdate("a", CompatibilityLevel.NONE));

        assertThat(store.effectiveLevel("a")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(store.effectiveLevel("b")).isEqualTo(CompatibilityLevel.FULL);

        store.apply(new ConfigUpdate("a", null));
        store.apply(new ConfigUpdate(null, null));

        assertThat(store.subjectLevel("a")).isEmpty();
        assertThat(store.globalLevel()).isEmpty();
        assertThat(store.effectiveLevel("a")).isEqualTo(CompatibilityLevel.BACKWARD);
    }
}
