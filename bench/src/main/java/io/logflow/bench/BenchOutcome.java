package io.logflow.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run found: the throughput rows, the latency probe, the scale rows, the
 * per-service totals each engine wrote next to what the generator sent, and the files written.
 *
 * @param expectedByService valid events per service the generator reports it sent
 * @param countsByScenario per-service totals read back from each scenario's results topic
 */
public record BenchOutcome(
        List<ScenarioResult> throughput,
        LatencyProbe.Result latency,
        List<ScenarioResult> scale,
        Map<String, Long> expectedByService,
        Map<String, Map<String, Long>> countsByScenario,
        Path markdown,
        Path chart) {

    /** The input ceiling row: one consumer thread decoding every record. */
    public ScenarioResult ceiling() {
        return throughput.stream()
                .filter(r -> r.scenario().equals(BenchRun.CEILING))
                .findFirst()
                .orElseThrow();
    }
}
