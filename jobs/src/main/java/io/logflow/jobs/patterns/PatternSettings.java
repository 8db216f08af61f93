package io.logflow.jobs.patterns;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of log-template mining: the window, the miner's tree shape, similarity and size cap.
 *
 * <p>Immutable; {@link #defaults()} is the one configuration used for every service and every
 * Loghub system in the accuracy test, so nothing is tuned per data set.
 *
 * <pre>{@code
 * PatternSettings s = PatternSettings.defaults().withWindowSize(Duration.ofMinutes(5));
 * }</pre>
 */
public final class PatternSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration windowSize;
    private final int maxTemplates;
    private final double similarity;
    private final int depth;
    private final int maxChildren;
    private final int exampleMaxLength;

    private PatternSettings(
            Duration windowSize,
            int maxTemplates,
            double similarity,
            int depth,
            int maxChildren,
            int exampleMaxLength) {
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.toMillis() <= 0) {
            throw new IllegalArgumentException("windowSize must be positive, was " + windowSize);
        }
        if (maxTemplates < 1) {
            throw new IllegalArgumentException("maxTemplates must be >= 1, was " + maxTemplates);
        }
        if (!(similarity > 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if (depth < 3) {
            throw new IllegalArgumentException("depth must be >= 3, was " + depth);
        }
        if (maxChildren < 2) {
            throw new IllegalArgumentException("maxChildren must be >= 2, was " + maxChildren);
        }
        if (exampleMaxLength < 1) {
            throw new IllegalArgumentException(
                    "exampleMaxLength must be >= 1, was " + exampleMaxLength);
        }
        this.windowSize = windowSize;
        this.maxTemplates = maxTemplates;
        this.similarity = similarity;
        this.depth = depth;
        this.maxChildren = maxChildren;
        this.exampleMaxLength = exampleMaxLength;
    }

    /** The one default configuration: 1-minute windows, 1000 templates per service. */
    public static PatternSettings defaults() {
        return new PatternSettings(Duration.ofMinutes(1), 1000, 0.7, 4, 100, 256);
    }

    /** Length of the tumbling event-time windows patterns are counted in. */
    public Duration windowSize() {
        return windowSize;
    }

    /** Templates one miner (one service) keeps; the least recently used goes first. */
    public int maxTemplates() {
        return maxTemplates;
    }

    /** Share of equal tokens a message needs to join an existing template. */
    public double similarity() {
        return similarity;
    }

    /** Tree depth counting the root and the token-count level: depth - 2 leading tokens route. */
    public int depth() {
        return depth;
    }

    /** Children per tree node before further new tokens route to the wildcard child. */
    public int maxChildren() {
        return maxChildren;
    }

    /** Characters of the example message kept per template and window. */
    public int exampleMaxLength() {
        return exampleMaxLength;
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PatternSettings)) {
            return false;
        }
        PatternSettings s = (PatternSettings) o;
        return windowSize.equals(s.windowSize)
                && maxTemplates == s.maxTemplates
                && similarity == s.similarity
                && depth == s.depth
                && maxChildren == s.maxChildren
                && exampleMaxLength == s.exampleMaxLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                windowSize, maxTemplates, similarity, depth, maxChildren, exampleMaxLength);
    }

    @Override
    public String toString() {
        return "PatternSettings{window="
                + windowSize
                + ", maxTemplates="
                + maxTemplates
                + ", similarity="
                + similarity
                + ", depth="
                + depth
                + ", maxChildren="
                + maxChildren
                + ", exampleMaxLength="
                + exampleMaxLength
                + "}";
    }
}
