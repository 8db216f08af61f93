package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.TrafficSamples.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages look like real logs: access lines, and repeated templates with variable parts. */
class TrafficMessagesTest {

    private static final String IP = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";
    private static List<LogEvent> events;

    @BeforeAll
    static void generate() {
        events = new TrafficModel(config(11).build()).take(500_000);
    }

    @Test
    void accessLinesRepeatTheRequest() {
        for (LogEvent e : events) {
            if (e.getLevel() == Level.INFO && e.getHttp() != null) {
                assertThat(e.getMessage())
                        .isEqualTo(
                                e.getHttp().getMethod()
                                        + " "
                                        + e.getHttp().getPath()
                                        + " "
                                        + e.getHttp().getStatus()
                                        + " "
                                        + Math.round(e.getHttp().getLatencyMs())
                                        + "ms");
            }
        }
    }

    @Test
    void errorTemplatesCarryVariablePartsLikeRealOnes() {
        assertSomeMatch(
                "Timeout after \\d{4} ms calling [a-z-]+ at "
                        + IP
                        + ":\\d+ \\(request id [0-9a-f]{12}\\)");
        assertSomeMatch("User \\d{5} not found");
        assertSomeMatch("Connection refused: " + IP + ":\\d+");
        assertSomeMatch("Validation failed for field '\\w+': value '[^']+' is not valid");
        assertSomeMatch("Deadlock detected in transaction 0x[0-9a-f]{8}, rolled back order \\d{7}");
        assertSomeMatch("Rate limit exceeded for client " + IP + ": \\d+ requests in 60 s");
        assertSomeMatch("GET /api/cart 200 \\d+ms");
    }

    @Test
    void everyTemplateShowsUpAndTimeoutsReportTheirLatency() {
        Set<String> seen = new HashSet<>();
        for (LogEvent e : events) {
            seen.add(templateOf(e.getMessage()));
            if (e.getMessage().startsWith("Timeout after")) {
                long reported = Long.parseLong(e.getMessage().split(" ")[2]);
                assertThat(reported).isEqualTo(Math.round(e.getHttp().getLatencyMs()));
                assertThat(e.getHttp().getStatus()).isEqualTo(504);
            }
        }
        assertThat(seen).doesNotContain("?");
        assertThat(seen).hasSize(Template.values().length);
    }

    @Test
    void problemMessagesAreFewTemplatesWithManyVariants() {
        Set<String> messages = new HashSet<>();
        Map<String, Integer> patterns = new HashMap<>();
        for (LogEvent e : events) {
            if (e.getLevel().compareTo(Level.WARN) >= 0) {
                messages.add(e.getMessage());
                patterns.merge(mask(e.getMessage()), 1, Integer::sum);
            }
        }
        // One pattern per template and dependency or route: what a miner such as Drain should
        // recover, with a head of frequent patterns and a tail of rare ones.
        assertThat(patterns.size()).isBetween(14, 120);
        assertThat(messages.size()).isGreaterThan(100 * patterns.size());
        long lines = patterns.values().stream().mapToLong(Integer::longValue).sum();
        long top20 =
                patterns.values().stream()
                        .sorted(Comparator.reverseOrder())
                        .limit(20)
                        .mapToLong(Integer::longValue)
                        .sum();
        assertThat((double) top20 / lines).isGreaterThan(0.85);
    }

    private static void assertSomeMatch(String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertThat(events).as(regex).anyMatch(e -> pattern.matcher(e.getMessage()).matches());
    }

    private static String mask(String message) {
        return message.replaceAll(IP + "(:\\d+)?", "<ip>")
                .replaceAll("'[^']*'", "<q>")
                .replaceAll("\\b(0x)?[0-9a-f]{8,}\\b", "<hex>")
                .replaceAll("\\d+", "<n>");
    }

    /** The template a message was rendered from, recognised by its fixed words. */
    private static String templateOf(String m) {
        String[][] prefixes = {
            {"Slow request", "SLOW_REQUEST"}, {"Timeout after", "CALL_TIMEOUT"},
            {"Connection refused", "CONNECTION_REFUSED"}, {"Upstream ", "UPSTREAM_ERROR"},
            {"Deadlock", "DEADLOCK"}, {"Unhandled NullPointer", "NULL_POINTER"},
            {"Connection pool", "POOL_EXHAUSTED"}, {"Cannot parse response", "BAD_RESPONSE"},
            {"Circuit breaker", "CIRCUIT_OPEN"}, {"User ", "USER_NOT_FOUND"},
            {"Product ", "PRODUCT_NOT_FOUND"}, {"Invalid credentials", "INVALID_CREDENTIALS"},
            {"Token expired", "TOKEN_EXPIRED"}, {"Rate limit", "RATE_LIMITED"},
            {"Validation failed", "VALIDATION_FAILED"}, {"Cache ", "CACHE_LOOKUP"},
            {"Loaded ", "ROWS_LOADED"}, {"Refreshed configuration", "CONFIG_REFRESHED"},
            {"GC pause", "GC_PAUSE"}, {"OutOfMemoryError", "OUT_OF_MEMORY"},
            {"Lost connection", "GIVING_UP"}
        };
        for (String[] p : prefixes) {
            if (m.startsWith(p[0])) {
                return p[1];
            }
        }
        return m.matches("(GET|POST|PUT|DELETE) /\\S* \\d{3} \\d+ms") ? "ACCESS" : "?";
    }
}
