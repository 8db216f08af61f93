package io.logflow.jobs.formats;

import static io.logflow.jobs.formats.OtlpSample.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpJsonFormatTest {

    private final OtlpJsonFormat format = new OtlpJsonFormat(new FormatSettings("otel", Map.of()));

    @Test
    void theCollectorsJsonGivesTheSameEventsAsItsProtobuf() throws Exception {
        OtlpSample.assertEvents(parse(format, bytes(OtlpSample.JSON)));
        OtlpSample.assertEvents(
                parse(
                        LogFormats.create("otlp-json", new FormatSettings("otel", Map.of())),
                        bytes(
                                com.google.protobuf.util.JsonFormat.printer()
                                        .print(OtlpSample.request()))));
    }

    @Test
    void protoJsonVariantsAndUnknownKeysAreRead() throws Exception {
        List<CompactEvent> events =
                parse(
                        format,
                        bytes(
                                "{\"resource_logs\":[{\"scope_logs\":[{\"log_records\":["
                                        + "{\"time_unix_nano\":1795687200123456789,"
                                        + "\"severity_number\":\"SEVERITY_NUMBER_WARN\","
                                        + "\"body\":{\"stringValue\":\"low disk\"},"
                                        + "\"eventName\":\"disk\",\"someFutureField\":{\"a\":1}}"
                                        + "]}]}]}"));
        assertThat(events).hasSize(1);
        CompactEvent e = events.get(0);
        assertThat(e.timestamp).as("a JSON number, not a string").isEqualTo(1_795_687_200_123L);
        assertThat(e.level).isEqualTo(Level.WARN);
        assertThat(e.message).isEqualTo("low disk");
        assertThat(e.service).isEqualTo("otel");
    }

    @Test
    void requestsWithoutLogRecordsGiveNoEvents() throws Exception {
        assertThat(parse(format, bytes("{}"))).isEmpty();
        assertThat(parse(format, bytes("{\"resourceLogs\":[]}"))).isEmpty();
        assertThat(parse(format, bytes("{\"resourceLogs\":[{\"scopeLogs\":[{}]}]}"))).isEmpty();
    }

    @Test
    void whatIsNoOtlpJsonIsUnparseable() {
        assertThatThrownBy(() -> parse(format, bytes("not json at all")))
                .isInstanceOf(UnparseableException.class)
                .hasMessageStartingWith("not OTLP/JSON: ");
        assertThatThrownBy(() -> parse(format, bytes("")))
                .isInstanceOf(UnparseableException.class)
                .hasMessage("not OTLP/JSON: the record is empty");
        assertThatThrownBy(() -> parse(format, bytes("[1,2]")))
                .isInstanceOf(UnparseableException.class)
                .hasMessage("not OTLP/JSON: Expect message object but got: [1,2]");
        assertThatThrownBy(() -> parse(format, bytes("{\"resourceLogs\":\"x\"}")))
                .isInstanceOf(UnparseableException.class)
                .hasMessageStartingWith("not OTLP/JSON: ");
        assertThatThrownBy(
                        () ->
                                parse(
                                        format,
                                        bytes(
                                                OtlpSample.JSON.substring(
                                                        0, OtlpSample.JSON.length() / 2))))
                .as("truncated")
                .isInstanceOf(UnparseableException.class)
                .hasMessageStartingWith("not OTLP/JSON: ");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
