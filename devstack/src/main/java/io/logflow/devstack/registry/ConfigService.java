package io.logflow.devstack.registry;

import io.logflow.devstack.registry.SchemaLogRecord.ConfigUpdate;
import java.util.Optional;

/** Global and per-subject compatibility settings. */
final class ConfigService {

    private final SchemaStore store;
    private final LogWriter writer;

    ConfigService(SchemaStore store, LogWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    CompatibilityLevel global() {
        return store.globalLevel().orElse(CompatibilityLevel.DEFAULT);
    }

    CompatibilityLevel setGlobal(String levelName) {
        return set(null, levelName);
    }

    /** Resets the global level to the default and returns the one it replaced. */
    CompatibilityLevel deleteGlobal() {
        return writer.locked(
                () -> {
                    CompatibilityLevel previous = global();
                    if (store.globalLevel().isPresent()) {
                        writer.append(new ConfigUpdate(null, null));
                    }
                    return previous;
                });
    }

    /**
     * The subject's own level, else (if asked to) the global one.
     *
     * @throws RegistryError 40408 if the subject has none and no fallback was asked for
     */
    CompatibilityLevel subject(String subject, boolean defaultToGlobal) {
        return store.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(global()) : Optional.empty())
                .orElseThrow(() -> RegistryError.noSubjectLevelConfig(subject));
    }

    CompatibilityLevel setSubject(String subject, String levelName) {
        return set(subject, levelName);
    }

    /** Removes the subject's own level and returns it. */
    CompatibilityLevel deleteSubject(String subject) {
        return writer.locked(
                () -> {
                    CompatibilityLevel previous = subject(subject, false);
                    writer.append(new ConfigUpdate(subject, null));
                    return previous;
                });
    }

    private CompatibilityLevel set(String subject, String levelName) {
        CompatibilityLevel level =
                CompatibilityLevel.parse(levelName)
                        .orElseThrow(RegistryError::invalidCompatibilityLevel);
        return writer.locked(
                () -> {
                    writer.append(new ConfigUpdate(subject, level));
                    return level;
                });
    }
}
