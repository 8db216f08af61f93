package io.logflow.devstack.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Schema evolution rule of a subject, with the names and meaning Confluent Schema Registry uses.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level a subject gets when neither it nor the global config sets one. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether a new schema must be able to read data written with the earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** Whether the earlier schemas must be able to read data written with a new one. */
    public boolean forward() {
        return forward;
    }

    /** Whether the check covers every live version rather than only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively, as Confluent does; empty if it names no level. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
