package io.logflow.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.schema.Alert;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

/** Alerts and detector state serialize without Kryo; options reach the detectors' settings. */
class AlertTypesTest {

    @Test
    void alertsAreAvroAndTemplateWatchesArePojos() {
        assertThat(TypeInformation.of(Alert.class)).isInstanceOf(AvroTypeInfo.class);
        assertThat(TypeInformation.of(TemplateWatch.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void optionsFlowIntoTheSettingsOfTheFirstWindowDefinition() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--windows", "sliding:5m/1m;tumbling:10s",
                        "--alerts.silence.windows", "3",
                        "--alerts.latency.slo-ms", "800",
                        "--alerts.new-template.min-errors", "7");
        AlertSettings s = config.alertSettings();
        assertThat(s.window()).isEqualTo("sliding-5m-1m");
        assertThat(s.stepMillis()).isEqualTo(60_000);
        assertThat(s.silenceWindows).isEqualTo(3);
        assertThat(s.latencySloMs).isEqualTo(800.0);
        assertThat(s.templateMinErrors).isEqualTo(7);
        assertThat(s.minVolume).isEqualTo(100);
        assertThat(config.patternSettings().windowSize()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anOutOfRangeSettingNamesItsKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AnalyticsConfig.fromArgs("--alerts.resolve-windows", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alerts.resolve-windows");
    }
}
