package io.logflow.jobs.analytics;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.TimeUtils;

/**
 * One window definition of the analytics job: {@code tumbling:1m} or {@code sliding:5m/1m} (size /
 * slide).
 */
public final class WindowSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Duration size;
    private final Duration slide;

    private WindowSpec(String name, Duration size, Duration slide) {
        this.name = name;
        this.size = size;
        this.slide = slide;
    }

    /** Parses {@code tumbling:<size>} or {@code sliding:<size>/<slide>}. */
    public static WindowSpec parse(String text) {
        String spec = text.trim();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw invalid(text);
        }
        String kind = spec.substring(0, colon).trim();
        String args = spec.substring(colon + 1).trim();
        try {
            if (kind.equals("tumbling")) {
                Duration size = positive(TimeUtils.parseDuration(args), text);
                return new WindowSpec("tumbling-" + format(size), size, size);
            }
            if (kind.equals("sliding")) {
                String[] parts = args.split("/");
                if (parts.length != 2) {
                    throw invalid(text);
                }
                Duration size = positive(TimeUtils.parseDuration(parts[0].trim()), text);
                Duration slide = positive(TimeUtils.parseDuration(parts[1].trim()), text);
                if (slide.compareTo(size) > 0 || size.toMillis() % slide.toMillis() != 0) {
                    throw new IllegalArgumentException(
                            "Window '" + text + "': the size must be a multiple of the slide");
                }
                return new WindowSpec("sliding-" + format(size) + "-" + format(slide), size, slide);
            }
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        throw invalid(text);
    }

    public String name() {
        return name;
    }

    public Duration size() {
        return size;
    }

    public Duration slide() {
        return slide;
    }

    public boolean isTumbling() {
        return size.equals(slide);
    }

    @Override
    public String toString() {
        return isTumbling()
                ? "tumbling:" + format(size)
                : "sliding:" + format(size) + "/" + format(slide);
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("Window '" + text + "' must have a positive size");
        }
        return d;
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "Invalid window '"
                        + text
                        + "': use tumbling:<size> or sliding:<size>/<slide>, e.g. tumbling:1m or"
                        + " sliding:5m/1m");
    }
}
