package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;
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

    /** A table row of one option: {@code | `key` | default | meaning |}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| ([^|]+) \\|");

    @Test
    void theReadmeQuotesEveryOptionsDefaultAsTheOptionDeclaresIt() throws IOException {
        String readme = Files.readString(README);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ConfigOption<?> option : AnalyticsOptions.all()) {
            Matcher m = ROW.matcher(readme);
            while (m.find()) {
                if (m.group(1).equals(option.key())) {
                    checked++;
                    String quoted = m.group(2).trim();
                    if (!quotes(quoted, option)) {
                        wrong.add(option.key() + ": README says '" + quoted + "'");
                    }
                }
            }
        }
        assertThat(wrong).as("defaults the README quotes differently").isEmpty();
        assertThat(checked).as("option rows found").isGreaterThan(30);
    }

    /**
     * Whether a table cell quotes the option's default: the cell's first value (backticks and a
     * trailing remark in parentheses dropped) parsed as the option's type; "unset" for none. A
     * default computed at run time (a cell with "+") is the code's business.
     */
    private static boolean quotes(String cell, ConfigOption<?> option) {
        if (cell.contains("+")) {
            return true;
        }
        String value = cell.replace("`", "").replaceAll(" \\(.*\\)$", "").trim();
        if (!option.hasDefaultValue()) {
            return value.equals("unset");
        }
        Object d = option.defaultValue();
        try {
            if (d instanceof Duration duration) {
                return TimeUtils.parseDuration(value).equals(duration);
            }
            if (d instanceof MemorySize size) {
                return MemorySize.parse(value).equals(size);
            }
            if (d instanceof Number n) {
                return Double.parseDouble(value) == n.doubleValue();
            }
        } catch (RuntimeException e) {
            return false;
        }
        if (d instanceof List<?> list) {
            return value.equals(String.join(";", list.stream().map(String::valueOf).toList()));
        }
        if (d instanceof Enum<?> e) {
            return value.equalsIgnoreCase(e.name().replace('_', '-'))
                    || value.equalsIgnoreCase(e.toString());
        }
        return value.equals(String.valueOf(d));
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
