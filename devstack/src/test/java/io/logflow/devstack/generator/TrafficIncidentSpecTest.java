package io.logflow.devstack.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The text form of incidents, as the command line takes them. */
class TrafficIncidentSpecTest {

    @Test
    void parsesEachKind() {
        Incident spike = Incident.parse("spike:payments@60s+120s");
        assertThat(spike.kind()).isEqualTo(Incident.Kind.ERROR_SPIKE);
        assertThat(spike.service()).isEqualTo("payments");
        assertThat(spike.path()).isNull();
        assertThat(spike.startMillis()).isEqualTo(60_000);
        assertThat(spike.endMillis()).isEqualTo(180_000);

        Incident latency = Incident.parse("latency:search:/api/search@30s+1m");
        assertThat(latency.kind()).isEqualTo(Incident.Kind.LATENCY);
        assertThat(latency.path()).isEqualTo("/api/search");
        assertThat(latency.endMillis()).isEqualTo(90_000);

        Incident silence = Incident.parse("silence:auth@1500ms");
        assertThat(silence.startMillis()).isEqualTo(1500);
        assertThat(silence.endMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void windowIsHalfOpen() {
        Incident spike = Incident.errorSpike("a", Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(spike.isActiveAt(999)).isFalse();
        assertThat(spike.isActiveAt(1000)).isTrue();
        assertThat(spike.isActiveAt(1999)).isTrue();
        assertThat(spike.isActiveAt(2000)).isFalse();
    }

    @Test
    void textFormRoundTrips() {
        Incident latency = Incident.parse("latency:search:/api/search@30s+60s");

        Incident again = Incident.parse(latency.toString());
        assertThat(again.toString()).isEqualTo(latency.toString());
        assertThat(again.endMillis()).isEqualTo(latency.endMillis());
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> Incident.parse("spike:payments"))
                .hasMessageContaining("no '@<start>'");
        assertThatThrownBy(() -> Incident.parse("storm:payments@1s"))
                .hasMessageContaining("Unknown incident kind 'storm'");
        assertThatThrownBy(() -> Incident.parse("latency:search@1s+1s"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Incident.parse("spike:payments@soon"))
                .hasMessageContaining("Invalid duration 'soon'");
        assertThatThrownBy(() -> Incident.parse("spike:payments@-5s+1s"))
                .hasMessageContaining("must start at >= 0");
    }

    @Test
    void durationsTakeUnits() {
        assertThat(Incident.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Incident.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Incident.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Incident.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Incident.parseDuration("40")).isEqualTo(Duration.ofMillis(40));
    }
}
