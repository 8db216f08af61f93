package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.AlertsRun.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.generator.Incident;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Precision and recall of the detectors over a seeded run with many random incidents. */
class AlertsAccuracyITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    /**
     * Many incidents of random kind, service and time; {@code -Dalerts.random.incidents=N} makes
     * the run longer (the suite runs a small one).
     */
    @Test
    void randomizedIncidentsGiveHighPrecisionAndRecall() throws Exception {
        int target = Integer.getInteger("alerts.random.incidents", 12);
        SplittableRandom rng = new SplittableRandom(2026);
        // Services take turns; each incident lasts 30-60 s and is followed by 70-100 s of quiet,
        // so every incident starts from a settled baseline.
        long warmUp = 130_000;
        long slot = 160_000;
        long length = warmUp + 30_000 + (target + SERVICES.size() - 1) / SERVICES.size() * slot;
        List<Incident> incidents = new ArrayList<>();
        Map<String, Long> nextFree = new TreeMap<>();
        for (String s : SERVICES) {
            nextFree.put(s, warmUp + rng.nextLong(30_000));
        }
        for (int i = 0; i < target; i++) {
            String service = SERVICES.get(i % SERVICES.size());
            long start = nextFree.get(service);
            long duration = 30_000 + rng.nextLong(30_000);
            Duration at = Duration.ofMillis(start);
            Duration lasting = Duration.ofMillis(duration);
            switch (rng.nextInt(4)) {
                case 0 -> incidents.add(Incident.errorSpike(service, at, lasting));
                case 1 ->
                        incidents.add(
                                Incident.latency(service, SLOWED_PATH.get(service), at, lasting));
                case 2 -> incidents.add(Incident.silence(service, at, lasting));
                default -> incidents.add(Incident.newError(service, at, lasting));
            }
            nextFree.put(service, start + duration + 70_000 + rng.nextLong(30_000));
        }
        List<Alert> alerts =
                new AlertsRun(KAFKA, REGISTRY).run(99, Duration.ofMillis(length), incidents);
        IncidentScore score = new IncidentScore(incidents, T0, WINDOW, alerts);
        System.out.printf(
                "Randomized run (%d incidents, %d s of traffic): %s%n",
                target, length / 1000, score);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.9);
    }
}
