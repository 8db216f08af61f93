package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark harness in small mode, end to end on a real broker, MiniClusters and
 * Kafka Streams, and checks what it computed and wrote — never how fast it was.
 */
class BenchSmallITCase {

    private static final long EVENTS = 20_000;

    @TempDir Path tmp;

    @Test
    void everyScenarioRunsAndEveryEngineCountsEveryEvent() throws Exception {
        BenchSettings settings =
                BenchSettings.defaults(EVENTS, 0, true, tmp)
                        .withResultsDir(tmp.resolve("results"))
                        .withWorkDir(tmp.resolve("work"));

        BenchOutcome outcome = new BenchRun(settings, System.out).run();

        Map<String, Long> expected = outcome.expectedByService();
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        assertThat(outcome.countsByScenario())
                .containsOnlyKeys(
                        "logflow-p1-eos",
                        "logflow-p1-windows",
                        "logflow-p2-eos",
                        "logflow-p2-windows",
                        "logflow-p1-nginx",
                        "kstreams-t1",
                        "kstreams-t2",
                        "kstreams-papi-t1",
                        "kstreams-papi-t2");
        // The nginx run reads the same traffic as access-log lines: one source, one service.
        outcome.countsByScenario()
                .forEach(
                        (scenario, counts) ->
                                assertThat(counts)
                                        .as(scenario)
                                        .isEqualTo(
                                                scenario.endsWith("nginx")
                                                        ? Map.of(
                                                                LogFlowScenario.RAW_SERVICE, EVENTS)
                                                        : expected));

        List<String> rows =
                List.of(
                        "consume-only",
                        "consume+decode",
                        "logflow-p1-eos",
                        "logflow-p1-discard",
                        "logflow-p1-windows",
                        "logflow-p2-eos",
                        "logflow-p2-discard",
                        "logflow-p2-windows",
                        "logflow-p1-nginx",
                        "kstreams-t1",
                        "kstreams-t2",
                        "kstreams-papi-t1",
                        "kstreams-papi-t2");
        assertThat(outcome.throughput()).extracting(ScenarioResult::scenario).isEqualTo(rows);
        assertThat(outcome.throughput()).allSatisfy(r -> assertThat(r.records()).isEqualTo(EVENTS));
        assertThat(outcome.scale())
                .extracting(ScenarioResult::scenario)
                .containsExactly(
                        "scale-10-services", "scale-1000-services", "scale-100000-services");
        assertThat(outcome.scale()).allSatisfy(r -> assertThat(r.records()).isEqualTo(EVENTS));
        assertThat(outcome.latency().results()).isPositive();

        String markdown = Files.readString(outcome.markdown());
        for (String row : rows) {
            assertThat(markdown).contains("| " + row + " |");
        }
        assertThat(markdown)
                .contains("| scale-10-services |", "| scale-100000-services |")
                .contains("## Latency at half capacity", "- cores: ", "- Java: ")
                .doesNotContain("DIFFER");
        assertThat(Files.size(outcome.chart())).isPositive();
    }
}
