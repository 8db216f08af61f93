package io.logflow.devstack.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data sets under {@code ../shared/data} (or {@code -Dlogflow.shared.data}): a test that
 * needs one is skipped, with the path it looked at, where the data is absent — and fails instead
 * when {@code CI=true}, so that CI never passes by skipping.
 */
public final class SharedData {

    private SharedData() {}

    /** The folder {@code name} of the shared data, or a skip (a failure on CI) naming the path. */
    public static Path dir(String name) {
        String configured = System.getProperty("logflow.shared.data");
        // Surefire runs in the module directory; the project root is its parent.
        Path shared =
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of("").toAbsolutePath().getParent().resolve("../shared/data");
        Path dir = shared.resolve(name).normalize();
        if (!Files.isDirectory(dir)) {
            String why = name + " not found at " + dir + "; set -Dlogflow.shared.data=DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + " (CI=true: a missing data set fails)");
            }
            Assumptions.abort(why);
        }
        return dir;
    }
}
