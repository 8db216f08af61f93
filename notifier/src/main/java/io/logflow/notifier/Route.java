package io.logflow.notifier;

import io.logflow.connectors.Globs;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which alerts a receiver takes: each of service, kind and severity must match one of its patterns
 * (none given: any). A pattern is a glob ({@code *} any run of characters, {@code ?} one) matched
 * against the whole value, or {@code re:} followed by a Java regular expression that must match the
 * whole value.
 */
public record Route(List<Pattern> services, List<Pattern> kinds, List<Pattern> severities) {

    /** Takes every alert. */
    public static final Route ALL = new Route(List.of(), List.of(), List.of());

    /** Whether a transition with these values goes to the receiver. */
    public boolean matches(String service, String kind, String severity) {
        return any(services, service) && any(kinds, kind) && any(severities, severity);
    }

    private static boolean any(List<Pattern> patterns, String value) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A glob or {@code re:regex} as a pattern ({@link Globs}); an invalid regex names {@code key}.
     */
    static Pattern compile(String key, String text) {
        try {
            return Globs.compile(text);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new NotifierConfigException(
                    key
                            + ": invalid regular expression '"
                            + text.substring(3)
                            + "': "
                            + e.getDescription());
        }
    }
}
