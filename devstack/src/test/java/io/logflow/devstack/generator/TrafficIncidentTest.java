package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.TrafficSamples.config;
import static io.logflow.devstack.generator.TrafficSamples.latencyQuantile;
import static io.logflow.devstack.generator.TrafficSamples.offset;
import static io.logflow.devstack.generator.TrafficSamples.path;
import static io.logflow.devstack.generator.TrafficSamples.serverErrorShare;
import static io.logflow.devstack.generator.TrafficSamples.service;
import static io.logflow.devstack.generator.TrafficSamples.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.schema.LogEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripted and on-demand incidents show in the data inside their window and nowhere else. */
class TrafficIncidentTest {

    private static final long S = 1000;
    private static List<LogEvent> events;

    @BeforeAll
    static void generate() {
        TrafficConfig config =
                config(42)
                        .eventsPerSecond(1000)
                        .incident(Incident.parse("spike:payments@60s+120s"))
                        .incident(Incident.parse("latency:search:/api/search@30s+60s"))
                        .incident(Incident.parse("silence:auth@90s+60s"))
                        .build();
        events = new TrafficModel(config).take(300_000);
    }

    @Test
    void errorSpikeRaisesTheServiceErrorRateOnlyInItsWindow() {
        Predicate<LogEvent> spike = within(60 * S, 180 * S);

        assertThat(serverErrorShare(events, service("payments").and(spike))).isGreaterThan(0.2);
        assertThat(serverErrorShare(events, service("payments").and(spike.negate())))
                .isLessThan(0.03);
        assertThat(serverErrorShare(events, service("checkout").and(spike))).isLessThan(0.03);
        // The spike starts and ends sharply: the seconds just outside it look like baseline.
        assertThat(serverErrorShare(events, service("payments").and(within(50 * S, 60 * S))))
                .isLessThan(0.05);
        assertThat(serverErrorShare(events, service("payments").and(within(180 * S, 190 * S))))
                .isLessThan(0.05);
    }

    @Test
    void latencyRegressionRaisesP99OfOnePathOnlyInItsWindow() {
        Predicate<LogEvent> search = service("search").and(path("/api/search"));
        Predicate<LogEvent> regression = within(30 * S, 90 * S);

        double inside = latencyQuantile(events, search.and(regression), 0.99);
        double outside = latencyQuantile(events, search.and(regression.negate()), 0.99);
        assertThat(inside).isGreaterThan(3 * outside);

        Predicate<LogEvent> suggest = service("search").and(path("/api/search/suggest"));
        double otherInside = latencyQuantile(events, suggest.and(regression), 0.99);
        double otherOutside = latencyQuantile(events, suggest.and(regression.negate()), 0.99);
        assertThat(otherInside).isBetween(otherOutside / 1.5, otherOutside * 1.5);
    }

    @Test
    void silentServiceSendsNothingInItsWindowAndTheRestKeepTheRate() {
        assertThat(events.stream().filter(service("auth").and(within(90 * S, 150 * S)))).isEmpty();
        assertThat(events.stream().filter(service("auth").and(within(80 * S, 90 * S))))
                .hasSizeGreaterThan(500);
        assertThat(events.stream().filter(service("auth").and(within(150 * S, 160 * S))))
                .hasSizeGreaterThan(500);
        assertThat(events.stream().filter(within(100 * S, 101 * S))).hasSize(1000);
    }

    @Test
    void incidentsTriggeredOnDemandLastUntilEnded() {
        TrafficModel model = new TrafficModel(config(7).eventsPerSecond(1000).build());
        model.take(30_000);
        Incident silence = model.trigger(Incident.Kind.SILENCE, "auth", null);
        Incident spike = model.trigger(Incident.Kind.ERROR_SPIKE, "payments", null);
        List<LogEvent> during = model.take(60_000);
        Incident silenceEnded = model.end(silence);
        Incident spikeEnded = model.end(spike);
        List<LogEvent> after = model.take(60_000);

        assertThat(silenceEnded.startMillis()).isEqualTo(30_000);
        assertThat(silenceEnded.endMillis()).isEqualTo(90_000);
        assertThat(spikeEnded.isActiveAt(89_999)).isTrue();
        assertThat(during).noneMatch(service("auth")).allMatch(within(30 * S, 90 * S));
        assertThat(serverErrorShare(during, service("payments"))).isGreaterThan(0.2);
        assertThat(after.stream().filter(service("auth"))).hasSizeGreaterThan(5000);
        assertThat(serverErrorShare(after, service("payments"))).isLessThan(0.03);
        assertThat(model.incidents()).containsExactly(silenceEnded, spikeEnded);
    }

    @Test
    void unknownServicesAndPathsAreNamed() {
        assertThatThrownBy(
                        () ->
                                new TrafficModel(
                                        config(1)
                                                .incident(Incident.parse("spike:billing@1s+1s"))
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("payments");
        assertThatThrownBy(
                        () ->
                                new TrafficModel(
                                        config(1)
                                                .incident(
                                                        Incident.parse(
                                                                "latency:search:/nope@1s+1s"))
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown path '/nope'")
                .hasMessageContaining("/api/search");
    }

    @Test
    void silencingEveryServiceForeverIsRefused() {
        TrafficModel model = new TrafficModel(config(1).services(List.of("a", "b")).build());
        model.trigger(Incident.Kind.SILENCE, "a", null);

        assertThatThrownBy(() -> model.trigger(Incident.Kind.SILENCE, "b", null))
                .hasMessageContaining("would silence every service forever");
        assertThat(model.take(100)).allMatch(service("b"));
    }

    @Test
    void aWindowWhereEveryServiceIsSilentPassesWithoutEvents() {
        TrafficModel model =
                new TrafficModel(
                        config(1)
                                .services(List.of("a", "b"))
                                .eventsPerSecond(100)
                                .incident(
                                        Incident.silence(
                                                "a", Duration.ofSeconds(1), Duration.ofSeconds(2)))
                                .incident(
                                        Incident.silence(
                                                "b", Duration.ofSeconds(1), Duration.ofSeconds(2)))
                                .build());

        List<LogEvent> events = model.take(300);

        assertThat(events).noneMatch(within(1000, 3000));
        assertThat(offset(events.get(100))).isEqualTo(3000);
    }
}
