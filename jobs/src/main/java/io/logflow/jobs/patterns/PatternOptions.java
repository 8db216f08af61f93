package io.logflow.jobs.patterns;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * The template miner's options ({@code patterns.*}), each with its one default; {@link
 * PatternSettings#from} reads them, {@link PatternSettings#defaults()} is their defaults.
 */
public final class PatternOptions {

    private PatternOptions() {}

    public static final ConfigOption<Integer> MAX_TEMPLATES =
            key("patterns.max-templates")
                    .intType()
                    .defaultValue(1000)
                    .withDescription(
                            "Templates one service's miner keeps; the least recently matched is"
                                    + " evicted first (counted in templatesEvicted).");

    public static final ConfigOption<Double> SIMILARITY =
            key("patterns.similarity")
                    .doubleType()
                    .defaultValue(0.7)
                    .withDescription(
                            "Share of equal tokens a message needs to join an existing template,"
                                    + " in (0, 1].");

    public static final ConfigOption<Integer> DEPTH =
            key("patterns.depth")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Prefix-tree depth counting the root and the token-count level: depth"
                                    + " - 2 leading tokens route a message (>= 3).");

    public static final ConfigOption<Integer> MAX_CHILDREN =
            key("patterns.max-children")
                    .intType()
                    .defaultValue(100)
                    .withDescription(
                            "Children per tree node before new tokens route to the wildcard child"
                                    + " (>= 2).");

    public static final ConfigOption<Integer> EXAMPLE_MAX_LENGTH =
            key("patterns.example-max-length")
                    .intType()
                    .defaultValue(256)
                    .withDescription("Characters of the example message kept per template.");

    /** Every option of this class. */
    public static List<ConfigOption<?>> all() {
        return List.of(MAX_TEMPLATES, SIMILARITY, DEPTH, MAX_CHILDREN, EXAMPLE_MAX_LENGTH);
    }
}
