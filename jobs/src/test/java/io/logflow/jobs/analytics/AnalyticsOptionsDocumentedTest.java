package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration tables and {@link AnalyticsOptions} name the same keys: every option
 * is documented, under its own key or a documented {@code prefix.*}, and every pass-through prefix
 * is documented too. Defaults live only in the options; the README quotes them.
 */
class AnalyticsOptionsDocumentedTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyOptionAndPassThroughPrefixIsInTheReadme() throws IOException {
        String readme = Files.readString(README);
        List<String> undocumented = new ArrayList<>();
        for (ConfigOption<?> option : AnalyticsOptions.all()) {
            if (!documented(readme, option.key())) {
                undocumented.add(option.key());
            }
        }
        assertThat(undocumented).as("options missing from README.md").isEmpty();
        for (String prefix : AnalyticsOptions.FLINK_PREFIXES) {
            assertThat(readme).contains("`" + prefix + "*`");
        }
        assertThat(readme).contains("`" + AnalyticsOptions.KAFKA_PROPERTIES_PREFIX + "*`");
    }

    private static boolean documented(String readme, String key) {
        if (readme.contains("`" + key + "`")) {
            return true;
        }
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            if (readme.contains("`" + key.substring(0, dot + 1) + "*`")) {
                return true;
            }
        }
        return false;
    }
}
