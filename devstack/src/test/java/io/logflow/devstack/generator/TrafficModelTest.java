package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.TrafficSamples.config;
import static io.logflow.devstack.generator.TrafficSamples.latencyQuantile;
import static io.logflow.devstack.generator.TrafficSamples.path;
import static io.logflow.devstack.generator.TrafficSamples.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The traffic model's shape: determinism, popularity skew, level mix, latency tails. */
class TrafficModelTest {

    private static List<LogEvent> events;

    @BeforeAll
    static void generate() {
        events = new TrafficModel(config(42).build()).take(200_000);
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        List<LogEvent> again = new TrafficModel(config(42).build()).take(200_000);

        assertThat(again).isEqualTo(events);
    }

    @Test
    void differentSeedGivesADifferentSequence() {
        List<LogEvent> other = new TrafficModel(config(43).build()).take(10_000);

        long sameMessage = 0;
        for (int i = 0; i < other.size(); i++) {
            sameMessage += other.get(i).getMessage().equals(events.get(i).getMessage()) ? 1 : 0;
        }
        assertThat(sameMessage).isLessThan(500);
    }

    @Test
    void reusedEventsCarryTheSameContentAsFreshOnes() {
        TrafficModel reusing = new TrafficModel(config(42).build());
        LogEvent holder = new LogEvent();

        for (int i = 0; i < 20_000; i++) {
            LogEvent reused = reusing.next(holder);
            assertThat(reused).isSameAs(holder);
            assertThat(LogEvent.newBuilder(reused).build()).isEqualTo(events.get(i));
        }
    }

    @Test
    void theMostPopularPathOfEachServiceIsClearlyTheMostFrequent() {
        for (String name : ServiceCatalog.DEFAULT_SERVICES) {
            Map<String, Long> byPath =
                    events.stream()
                            .filter(service(name))
                            .filter(e -> e.getHttp() != null)
                            .collect(
                                    Collectors.groupingBy(
                                            e -> e.getHttp().getPath(), Collectors.counting()));
            List<Long> counts = new ArrayList<>(byPath.values());
            counts.sort(Comparator.reverseOrder());
            String first = ServiceCatalog.spec(name).routes().get(0).split(" ")[1];

            assertThat(byPath.get(first)).as(name).isEqualTo(counts.get(0));
            assertThat((double) counts.get(0)).as(name).isGreaterThan(1.5 * counts.get(1));
        }
    }

    @Test
    void aFewClientsSendMuchOfTheTraffic() {
        Map<String, Long> byIp =
                events.stream()
                        .filter(e -> e.getHttp() != null)
                        .collect(
                                Collectors.groupingBy(
                                        e -> e.getHttp().getClientIp(), Collectors.counting()));
        List<Long> counts = new ArrayList<>(byIp.values());
        counts.sort(Comparator.reverseOrder());

        assertThat(counts.get(0)).isGreaterThan(50 * counts.get(counts.size() / 2));
    }

    @Test
    void levelsAreMostlyInfoWithSomeDebugWarnErrorAndARareFatal() {
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        events.forEach(e -> byLevel.merge(e.getLevel(), 1L, Long::sum));
        double n = events.size();

        assertThat(byLevel.get(Level.INFO) / n).isBetween(0.75, 0.92);
        assertThat(byLevel.get(Level.DEBUG) / n).isBetween(0.07, 0.13);
        assertThat(byLevel.get(Level.WARN) / n).isBetween(0.02, 0.08);
        assertThat(byLevel.get(Level.ERROR) / n).isBetween(0.003, 0.02);
        assertThat(byLevel.get(Level.FATAL)).isPositive();
        assertThat(byLevel.get(Level.FATAL) / n).isLessThan(0.001);
        assertThat(byLevel).doesNotContainKey(Level.TRACE);
    }

    @Test
    void statusAndLevelAgree() {
        long clientErrors = 0;
        long clientErrorWarnings = 0;
        for (LogEvent e : events) {
            if (e.getHttp() == null) {
                assertThat(e.getLevel()).isIn(Level.DEBUG, Level.INFO, Level.FATAL);
                continue;
            }
            int status = e.getHttp().getStatus();
            assertThat(status >= 500).as(e.toString()).isEqualTo(e.getLevel() == Level.ERROR);
            if (status >= 400 && status < 500) {
                assertThat(e.getLevel()).isIn(Level.WARN, Level.INFO);
                clientErrors++;
                clientErrorWarnings += e.getLevel() == Level.WARN ? 1 : 0;
            } else if (status < 400 && e.getLevel() == Level.WARN) {
                assertThat(e.getMessage()).startsWith("Slow request");
                assertThat(e.getHttp().getLatencyMs()).isGreaterThan(TrafficModel.SLOW_REQUEST_MS);
            }
        }
        assertThat((double) clientErrorWarnings / clientErrors).isBetween(0.75, 0.95);
    }

    @Test
    void latencyHasALongTail() {
        assertThat(latencyQuantile(events, e -> true, 0.99))
                .isGreaterThan(5 * latencyQuantile(events, e -> true, 0.5));
        Map<String, Long> byPath = new HashMap<>();
        events.stream()
                .filter(e -> e.getHttp() != null)
                .forEach(
                        e ->
                                byPath.merge(
                                        e.getService() + " " + e.getHttp().getPath(),
                                        1L,
                                        Long::sum));
        int checked = 0;
        for (Map.Entry<String, Long> entry : byPath.entrySet()) {
            if (entry.getValue() < 5000) {
                continue;
            }
            String[] servicePath = entry.getKey().split(" ");
            double p50 =
                    latencyQuantile(events, service(servicePath[0]).and(path(servicePath[1])), 0.5);
            double p99 =
                    latencyQuantile(
                            events, service(servicePath[0]).and(path(servicePath[1])), 0.99);
            assertThat(p99).as(entry.getKey()).isGreaterThan(2.5 * p50);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyServiceRunsOnItsHostsWithPodAndVersionAttributes() {
        TrafficModel model = new TrafficModel(config(42).hostsPerService(3).build());
        Map<String, List<String>> hosts =
                model.take(20_000).stream()
                        .peek(
                                e ->
                                        assertThat(e.getAttributes())
                                                .containsKeys("pod", "version", "zone"))
                        .peek(e -> assertThat(e.getAttributes().get("pod")).isEqualTo(e.getHost()))
                        .collect(
                                Collectors.groupingBy(
                                        LogEvent::getService,
                                        Collectors.mapping(
                                                LogEvent::getHost,
                                                Collectors.collectingAndThen(
                                                        Collectors.toSet(), ArrayList::new))));

        assertThat(hosts).containsOnlyKeys(ServiceCatalog.DEFAULT_SERVICES);
        hosts.forEach(
                (service, names) -> {
                    assertThat(names).hasSize(3);
                    assertThat(names).allMatch(h -> h.startsWith(service + "-"));
                });
    }

    @Test
    void unknownServiceNamesGetAPlainService() {
        TrafficModel model =
                new TrafficModel(config(1).services(List.of("billing", "search")).build());

        assertThat(model.take(5000))
                .extracting(LogEvent::getService)
                .containsOnly("billing", "search");
    }
}
