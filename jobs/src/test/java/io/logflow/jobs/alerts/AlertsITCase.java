package io.logflow.jobs.alerts;

import static io.logflow.jobs.alerts.AlertsRun.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.devstack.generator.Incident;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.PipelineExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.schema.Alert;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analytics job with its detectors on generated traffic (see {@link AlertsRun}): scripted
 * incidents each raise exactly their alert and resolve; normal traffic raises none.
 */
class AlertsITCase {

    @RegisterExtension static final PipelineExtension STACK = new PipelineExtension(2);
    static final KafkaExtension KAFKA = STACK.kafka();
    static final SchemaRegistryExtension REGISTRY = STACK.registry();

    @Test
    void everyScriptedIncidentRaisesExactlyItsAlertAndResolves() throws Exception {
        List<Incident> incidents =
                List.of(
                        Incident.parse("spike:payments@130s+40s"),
                        Incident.parse("latency:search:/api/search@135s+40s"),
                        Incident.parse("silence:auth@142s+40s"),
                        Incident.parse("newerror:checkout@147s+30s"));
        List<Alert> alerts =
                new AlertsRun(KAFKA, REGISTRY).run(42, Duration.ofSeconds(260), incidents);

        IncidentScore score = new IncidentScore(incidents, T0, WINDOW, alerts);
        System.out.println("Scripted incidents: " + score);
        assertThat(score.missed).isEmpty();
        assertThat(score.falsePositives).isEmpty();
        assertThat(alerts).hasSize(2 * incidents.size());
    }

    @Test
    void normalTrafficRaisesNoAlert() throws Exception {
        List<Alert> alerts =
                new AlertsRun(KAFKA, REGISTRY).run(7, Duration.ofSeconds(300), List.of());
        assertThat(alerts).isEmpty();
    }
}
