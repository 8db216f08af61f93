package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.TrafficSamples.config;
import static io.logflow.devstack.generator.TrafficSamples.service;
import static io.logflow.devstack.generator.TrafficSamples.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A new-error incident brings an ERROR message template the service never logged before. */
class TrafficNewErrorIncidentTest {

    private static final long S = 1000;
    private static final Pattern NEW_ERROR =
            Pattern.compile(
                    "([A-Z][a-z]+[A-Z][a-z]+)Exception in \\S+: invariant violated for batch"
                            + " [0-9a-f]{8} after [1-5] retries");
    private static List<LogEvent> events;

    @BeforeAll
    static void generate() {
        TrafficConfig config =
                config(42)
                        .eventsPerSecond(1000)
                        .incident(Incident.parse("newerror:checkout@60s+30s"))
                        .incident(
                                Incident.newError(
                                        "checkout",
                                        Duration.ofSeconds(120),
                                        Duration.ofSeconds(30)))
                        .build();
        events = new TrafficModel(config).take(200_000);
    }

    private static Predicate<LogEvent> newError() {
        return e -> NEW_ERROR.matcher(e.getMessage()).matches();
    }

    @Test
    void theNewErrorAppearsOnlyInItsWindowsAsAServerErrorOfItsService() {
        List<LogEvent> novel = events.stream().filter(newError()).toList();
        assertThat(novel)
                .allSatisfy(
                        e -> {
                            assertThat(e.getService()).isEqualTo("checkout");
                            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                            assertThat(e.getHttp().getStatus()).isEqualTo(500);
                            assertThat(within(60 * S, 90 * S).or(within(120 * S, 150 * S)).test(e))
                                    .isTrue();
                        });
        long inFirst = novel.stream().filter(within(60 * S, 90 * S)).count();
        long checkoutLines =
                events.stream().filter(service("checkout").and(within(60 * S, 90 * S))).count();
        // About 2% of the service's request lines, which are ~89% of its lines.
        assertThat((double) inFirst / checkoutLines).isBetween(0.01, 0.03);
    }

    @Test
    void eachIncidentBringsItsOwnTemplate() {
        Set<String> first = names(within(60 * S, 90 * S));
        Set<String> second = names(within(120 * S, 150 * S));
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void theTextFormParses() {
        Incident incident = Incident.parse("newerror:checkout@60s+30s");
        assertThat(incident.kind()).isEqualTo(Incident.Kind.NEW_ERROR);
        assertThat(incident.service()).isEqualTo("checkout");
        assertThat(incident.startMillis()).isEqualTo(60_000);
        assertThat(incident.endMillis()).isEqualTo(90_000);
        assertThat(Incident.parse(incident.toString()).toString()).isEqualTo(incident.toString());
    }

    private static Set<String> names(Predicate<LogEvent> when) {
        return events.stream()
                .filter(newError().and(when))
                .map(
                        e -> {
                            Matcher m = NEW_ERROR.matcher(e.getMessage());
                            m.matches();
                            return m.group(1);
                        })
                .collect(Collectors.toSet());
    }
}
