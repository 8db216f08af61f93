package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code input.sources}: one source per topic with its format, offsets, service and fields. */
class InputSourcesTest {

    @Test
    void eachSourceWithItsOwnKeys() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--input.sources", "logs=avro-confluent; app = json ;edge=json",
                        "--input.sources.app.service", "shop",
                        "--input.sources.app.fields.message", "text",
                        "--input.sources.app.starting-offsets", "latest",
                        "--input.sources.edge.topic", "edge-json-v2");
        List<InputSource> sources = config.sources();
        assertThat(sources).extracting(InputSource::name).containsExactly("logs", "app", "edge");
        assertThat(sources.get(0).isAvro()).isTrue();
        assertThat(sources.get(1).settings().service()).isEqualTo("shop");
        assertThat(sources.get(1).settings().fields()).isEqualTo(Map.of("message", "text"));
        assertThat(config.startingOffsets(sources.get(1)).kind())
                .isEqualTo(AnalyticsConfig.StartingOffsets.Kind.LATEST);
        assertThat(config.startingOffsets(sources.get(2)).kind())
                .as("the job's default")
                .isEqualTo(AnalyticsConfig.StartingOffsets.Kind.COMMITTED);
        assertThat(sources.get(2).topic()).isEqualTo("edge-json-v2");
        assertThat(sources.get(2).settings().service())
                .as("no service set: the topic")
                .isEqualTo("edge-json-v2");
        assertThat(AnalyticsConfig.fromArgs().sources()).as("unset: input.topics").isEmpty();
    }

    @Test
    void wrongSourcesFailWithTheKeyNamed() {
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.sources", "logs=xml"))
                .hasMessage(
                        "input.sources: unknown format 'xml' for source 'logs'; formats are"
                                + " avro-confluent, json, logfmt, nginx, apache, syslog, text,"
                                + " otlp-json, otlp-proto");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.sources", "logs"))
                .hasMessageContaining("'logs' is not name=format");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.sources", "a=json;a=json"))
                .hasMessage("input.sources: source 'a' twice");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "app=json",
                                        "--input.sources.ap.service", "x"))
                .hasMessage("input.sources.ap.service names no source of input.sources (app)");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "app=json",
                                        "--input.sources.app.colour", "x"))
                .hasMessageStartingWith("Unknown key input.sources.app.colour");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "app=json",
                                        "--input.sources.app.fields.colour", "x"))
                .hasMessageStartingWith("input.sources.app.fields: Unknown field 'colour'");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "app=json",
                                        "--input.sources.app.starting-offsets", "soon"))
                .hasMessage(
                        "Invalid value for 'input.sources.app.starting-offsets': 'soon'; expected"
                                + " committed, earliest, latest or timestamp:<epoch millis>");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "logs=avro-confluent",
                                        "--input.sources.logs.service", "x"))
                .hasMessageContaining("an avro-confluent source takes service and fields");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--input.sources", "app=json", "--input.topics", "logs"))
                .hasMessage(
                        "input.sources replaces input.topics and input.topic-pattern: set only"
                                + " one");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.sources.app.service", "x"))
                .hasMessage("input.sources.* keys need input.sources to list the sources");
    }
}
