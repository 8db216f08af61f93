package io.logflow.jobs.analytics.functions;

import static io.logflow.devstack.events.SampleEvents.event;
import static io.logflow.devstack.events.SampleEvents.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.LatencySummary;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.RouteLatency;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RouteLatencyTest {

    private static final RouteSelector SELECTOR =
            new RouteSelector(
                    List.of(
                            new RouteSelector.Entry(Pattern.compile("gateway"), "/api/v1/home"),
                            new RouteSelector.Entry(Pattern.compile("gate.*"), "/api/orders/*"),
                            new RouteSelector.Entry(Pattern.compile("gateway"), "/api/v1/home")));

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate(10, SELECTOR);

    private static LogEvent request(String service, String path, double ms) {
        LogEvent e = event(Level.INFO, "h", "ok", http(path, 200, ms, 10, "ip"));
        e.setService(service);
        return e;
    }

    private WindowAccumulator accumulate(List<LogEvent> events) {
        WindowAccumulator acc = aggregate.createAccumulator();
        for (LogEvent e : events) {
            aggregate.add(CompactEvent.of(e), acc);
        }
        return acc;
    }

    @Test
    void eachSelectedRouteGetsItsOwnCountAndExactPercentilesInRuleOrder() {
        WindowAccumulator acc =
                accumulate(
                        List.of(
                                request("gateway", "/api/v1/home", 10),
                                request("gateway", "/api/v1/home", 30),
                                request("gateway", "/api/orders/42", 500),
                                request("gateway", "/api/orders/42/items", 900), // * is one segment
                                request("gateway", "/api/v1/homepage", 700)));
        WindowStats stats = aggregate.getResult(acc);

        assertThat(stats.getCount()).isEqualTo(5);
        assertThat(stats.getRoutes())
                .containsExactly(
                        new RouteLatency(
                                "/api/v1/home",
                                2L,
                                new LatencySummary(10.0, 30.0, 30.0, 30.0, 30.0)),
                        new RouteLatency(
                                "/api/orders/*",
                                1L,
                                new LatencySummary(500.0, 500.0, 500.0, 500.0, 500.0)));
    }

    @Test
    void aServiceNoRuleNamesCarriesNoRoutesAndARouteWithoutRequestsHasNoLatency() {
        WindowStats other = aggregate.getResult(accumulate(List.of(request("search", "/x", 5))));
        assertThat(other.getRoutes()).isEmpty();

        LogEvent plain = event(Level.INFO, "h", "started", null);
        plain.setService("gateway");
        WindowStats quiet = aggregate.getResult(accumulate(List.of(plain)));
        assertThat(quiet.getRoutes())
                .containsExactly(
                        new RouteLatency("/api/v1/home", 0L, null),
                        new RouteLatency("/api/orders/*", 0L, null));
    }

    @Test
    void routesMergeCopyAndSurviveTheSerializer() throws IOException {
        WindowAccumulator a = accumulate(List.of(request("gateway", "/api/v1/home", 10)));
        WindowAccumulator b =
                accumulate(
                        List.of(
                                request("gateway", "/api/v1/home", 20),
                                request("gateway", "/api/orders/7", 70)));
        WindowAccumulator copy = a.copy();
        aggregate.merge(a, b);

        assertThat(aggregate.getResult(a).getRoutes())
                .extracting(RouteLatency::getHttpCount)
                .containsExactly(2L, 1L);
        assertThat(aggregate.getResult(a).getRoutes().get(0).getLatency().getMax()).isEqualTo(20.0);
        assertThat(aggregate.getResult(copy).getRoutes())
                .extracting(RouteLatency::getHttpCount)
                .as("the copy is independent")
                .containsExactly(1L, 0L);

        DataOutputSerializer out = new DataOutputSerializer(256);
        WindowAccumulatorSerializer.INSTANCE.serialize(a, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        WindowAccumulator restored = WindowAccumulatorSerializer.INSTANCE.deserialize(in);
        assertThat(in.available()).isZero();
        assertThat(aggregate.getResult(restored)).isEqualTo(aggregate.getResult(a));
    }

    @Test
    void globsMatchOneSegmentTwoStarsManyAndReIsARegex() {
        assertThat(RouteSelector.glob("/api/*/items").matcher("/api/7/items").matches()).isTrue();
        assertThat(RouteSelector.glob("/api/*").matcher("/api/7/items").matches()).isFalse();
        assertThat(RouteSelector.glob("/api/**").matcher("/api/7/items").matches()).isTrue();
        assertThat(RouteSelector.glob("/a.b").matcher("/axb").matches()).isFalse();
        assertThat(RouteSelector.glob("re:/v[12]/.+").matcher("/v2/x").matches()).isTrue();
    }
}
