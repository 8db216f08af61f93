package io.logflow.devstack.generator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A scripted disturbance of one service over a window of event time, measured from the model's
 * start instant: an error-rate spike, a latency regression on one path, the service going silent,
 * or a new error message it never logged before. Written as {@code spike:payments@60s+120s}, {@code
 * latency:search:/api/search@30s+60s}, {@code silence:auth@90s+60s} or {@code
 * newerror:checkout@60s+30s}; without {@code +duration} it lasts until ended.
 */
public final class Incident {

    /** What an incident does to its service. */
    public enum Kind {
        ERROR_SPIKE("spike"),
        LATENCY("latency"),
        SILENCE("silence"),
        NEW_ERROR("newerror");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        static Kind ofToken(String token) {
            for (Kind kind : values()) {
                if (kind.token.equals(token)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "Unknown incident kind '"
                            + token
                            + "' (known: spike, latency, silence, newerror)");
        }
    }

    static final String FORMAT =
            "spike:<service>@<start>[+<duration>], latency:<service>:<path>@<start>[+<duration>]"
                    + ", silence:<service>@<start>[+<duration>]"
                    + " or newerror:<service>@<start>[+<duration>]";

    private final Kind kind;
    private final String service;
    private final String path;
    private final long startMillis;
    private final long endMillis;

    private Incident(Kind kind, String service, String path, long startMillis, long endMillis) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.service = Objects.requireNonNull(service, "service");
        if ((kind == Kind.LATENCY) != (path != null)) {
            throw new IllegalArgumentException("A latency incident, and only it, names a path");
        }
        if (startMillis < 0 || endMillis < startMillis) {
            throw new IllegalArgumentException(
                    "Incident window must start at >= 0 and not end before it starts");
        }
        this.path = path;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Raises the service's 5xx share far above its baseline during the window. */
    public static Incident errorSpike(String service, Duration start, Duration duration) {
        return new Incident(Kind.ERROR_SPIKE, service, null, millis(start), end(start, duration));
    }

    /** Multiplies the latency of {@code path} on {@code service} during the window. */
    public static Incident latency(String service, String path, Duration start, Duration duration) {
        return new Incident(Kind.LATENCY, service, path, millis(start), end(start, duration));
    }

    /** The service logs nothing during the window. */
    public static Incident silence(String service, Duration start, Duration duration) {
        return new Incident(Kind.SILENCE, service, null, millis(start), end(start, duration));
    }

    /**
     * The service logs an ERROR message of a template it never logged before (a different one for
     * each such incident of a model) on a share of its requests.
     */
    public static Incident newError(String service, Duration start, Duration duration) {
        return new Incident(Kind.NEW_ERROR, service, null, millis(start), end(start, duration));
    }

    /** An incident from its text form; the message names the part that does not parse. */
    public static Incident parse(String spec) {
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException(
                    "Incident '" + spec + "' has no '@<start>'; expected " + FORMAT);
        }
        String[] what = spec.substring(0, at).split(":", 3);
        Kind kind = Kind.ofToken(what[0].toLowerCase(Locale.ROOT));
        int expectedParts = kind == Kind.LATENCY ? 3 : 2;
        if (what.length != expectedParts || what[1].isEmpty()) {
            throw new IllegalArgumentException("Incident '" + spec + "' does not match " + FORMAT);
        }
        String when = spec.substring(at + 1);
        int plus = when.indexOf('+');
        long start = parseDuration(plus < 0 ? when : when.substring(0, plus)).toMillis();
        long end =
                plus < 0
                        ? Long.MAX_VALUE
                        : start + parseDuration(when.substring(plus + 1)).toMillis();
        return new Incident(kind, what[1], kind == Kind.LATENCY ? what[2] : null, start, end);
    }

    /** Parses {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h}, or a bare number of millis. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Invalid duration '" + text + "' (use e.g. 500ms, 90s, 2m, 1h)");
        }
    }

    public Kind kind() {
        return kind;
    }

    public String service() {
        return service;
    }

    /** The path a latency incident slows down; null for other kinds. */
    public String path() {
        return path;
    }

    /** Window start, in milliseconds of event time after the model's start instant. */
    public long startMillis() {
        return startMillis;
    }

    /** Window end (exclusive), or {@link Long#MAX_VALUE} while the incident has no end. */
    public long endMillis() {
        return endMillis;
    }

    /** Whether the window covers {@code offsetMillis} of event time. */
    public boolean isActiveAt(long offsetMillis) {
        return offsetMillis >= startMillis && offsetMillis < endMillis;
    }

    /** This incident, ending at {@code offsetMillis} (never before it started). */
    Incident endedAt(long offsetMillis) {
        return new Incident(kind, service, path, startMillis, Math.max(startMillis, offsetMillis));
    }

    static Incident startingAt(Kind kind, String service, String path, long offsetMillis) {
        return new Incident(kind, service, path, offsetMillis, Long.MAX_VALUE);
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }

    private static long end(Duration start, Duration duration) {
        return start.toMillis() + duration.toMillis();
    }

    @Override
    public String toString() {
        return kind.token
                + ":"
                + service
                + (path == null ? "" : ":" + path)
                + "@"
                + startMillis
                + "ms"
                + (endMillis == Long.MAX_VALUE ? "" : "+" + (endMillis - startMillis) + "ms");
    }
}
