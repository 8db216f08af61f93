package io.logflow.cli;

import java.util.Set;

/**
 * The directories LogFlow's commands create under the data directory ({@code .logflow} by default):
 * {@code --fresh} deletes these and refuses to touch anything else.
 */
final class DataDirs {

    /** The demo's and {@code bin/logflow kafka}'s broker data. */
    static final String KAFKA = "kafka";

    /** Checkpoints of local job runs (demo and {@code run}). */
    static final String CHECKPOINTS = "checkpoints";

    /** The demo's result files. */
    static final String OUTPUT = "output";

    static final String LOGS = "logs";

    /** Flink's local working files. */
    static final String TMP = "tmp";

    /** {@code bin/logflow cluster}: configuration, logs, checkpoints and savepoints. */
    static final String CLUSTER = "cluster";

    /**
     * {@code bin/logflow notify} and the demo's notifier: delivered keys, firing set, dead letters.
     */
    static final String NOTIFIER = "notifier";

    /** {@code bin/logflow chaos}: its cluster, result files and report. */
    static final String CHAOS = "chaos";

    /**
     * All of them; {@code bench} and {@code bench-driver} are {@code bin/logflow bench}'s (its
     * module sits above this one, so it names them itself).
     */
    static final Set<String> ALL =
            Set.of(
                    KAFKA,
                    CHECKPOINTS,
                    OUTPUT,
                    LOGS,
                    TMP,
                    CLUSTER,
                    CHAOS,
                    NOTIFIER,
                    "bench",
                    "bench-driver");

    private DataDirs() {}

    /** Deletes {@code dir} and everything below it. */
    static void delete(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
