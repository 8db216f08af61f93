package io.logflow.jobs.patterns;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Settings of log-template mining: the window, the miner's tree shape, similarity and size cap.
 *
 * <p>{@link #defaults()} is the one configuration used for every service and every Loghub system in
 * the accuracy test, so nothing is tuned per data set.
 *
 * <pre>{@code
 * PatternSettings s = PatternSettings.defaults().withWindowSize(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param windowSize length of the tumbling event-time windows patterns are counted in
 * @param maxTemplates templates one miner (one service) keeps; the least recently used goes first
 * @param similarity share of equal tokens a message needs to join an existing template
 * @param depth tree depth counting the root and the token-count level: depth - 2 leading tokens
 *     route
 * @param maxChildren children per tree node before further new tokens route to the wildcard child
 * @param exampleMaxLength characters of the example message kept per template and window
 */
public record PatternSettings(
        Duration windowSize,
        int maxTemplates,
        double similarity,
        int depth,
        int maxChildren,
        int exampleMaxLength)
        implements Serializable {

    public PatternSettings {
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.toMillis() <= 0) {
            throw new IllegalArgumentException("windowSize must be positive, was " + windowSize);
        }
        if (maxTemplates < 1) {
            throw new IllegalArgumentException(
                    "patterns.max-templates must be >= 1, was " + maxTemplates);
        }
        if (!(similarity > 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException(
                    "patterns.similarity must be in (0, 1], was " + similarity);
        }
        if (depth < 3) {
            throw new IllegalArgumentException("patterns.depth must be >= 3, was " + depth);
        }
        if (maxChildren < 2) {
            throw new IllegalArgumentException(
                    "patterns.max-children must be >= 2, was " + maxChildren);
        }
        if (exampleMaxLength < 1) {
            throw new IllegalArgumentException(
                    "patterns.example-max-length must be >= 1, was " + exampleMaxLength);
        }
    }

    /** The defaults of {@link PatternOptions} in 1-minute windows. */
    public static PatternSettings defaults() {
        return from(new Configuration(), Duration.ofMinutes(1));
    }

    /**
     * The {@link PatternOptions} of {@code config} for windows of {@code windowSize}; a value out
     * of range names its key.
     */
    public static PatternSettings from(ReadableConfig config, Duration windowSize) {
        try {
            return new PatternSettings(
                    windowSize,
                    config.get(PatternOptions.MAX_TEMPLATES),
                    config.get(PatternOptions.SIMILARITY),
                    config.get(PatternOptions.DEPTH),
                    config.get(PatternOptions.MAX_CHILDREN),
                    config.get(PatternOptions.EXAMPLE_MAX_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid pattern settings: " + e.getMessage(), e);
        }
    }

    public PatternSettings withWindowSize(Duration value) {
        return new PatternSettings(
                value, maxTemplates, similarity, depth, maxChildren, exampleMaxLength);
    }

    public PatternSettings withMaxTemplates(int value) {
        return new PatternSettings(
                windowSize, value, similarity, depth, maxChildren, exampleMaxLength);
    }

    public PatternSettings withSimilarity(double value) {
        return new PatternSettings(
                windowSize, maxTemplates, value, depth, maxChildren, exampleMaxLength);
    }

    public PatternSettings withDepth(int value) {
        return new PatternSettings(
                windowSize, maxTemplates, similarity, value, maxChildren, exampleMaxLength);
    }

    public PatternSettings withMaxChildren(int value) {
        return new PatternSettings(
                windowSize, maxTemplates, similarity, depth, value, exampleMaxLength);
    }

    public PatternSettings withExampleMaxLength(int value) {
        return new PatternSettings(windowSize, maxTemplates, similarity, depth, maxChildren, value);
    }
}
