package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioArgsTest {

    @Test
    void whatTheDriverWritesTheScenarioReadsBack() {
        ScenarioArgs written =
                new ScenarioArgs()
                        .with(ScenarioArgs.KIND, "logflow")
                        .with(ScenarioArgs.SCENARIO, "LogFlow")
                        .with(ScenarioArgs.EXPECTED, 5_000_000L)
                        .with(ScenarioArgs.CHECKPOINT_INTERVAL, Duration.ofMillis(1500))
                        .with(ScenarioArgs.WINDOW, Duration.ofMinutes(1));

        ScenarioArgs read = ScenarioArgs.parse(written.toArgs().toArray(new String[0]));

        assertThat(read.get(ScenarioArgs.KIND)).isEqualTo("logflow");
        assertThat(read.get(ScenarioArgs.EXPECTED)).isEqualTo(5_000_000L);
        assertThat(read.get(ScenarioArgs.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(1500));
        assertThat(read.get(ScenarioArgs.WINDOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(read.get(ScenarioArgs.FORMAT)).isEqualTo("avro-confluent");
        assertThatThrownBy(() -> read.get(ScenarioArgs.TOPIC))
                .hasMessage("Missing required option 'topic'");
        assertThatThrownBy(() -> ScenarioArgs.parse(new String[] {"--kind", "live"}))
                .hasMessage("Missing required option 'scenario'");
    }
}
