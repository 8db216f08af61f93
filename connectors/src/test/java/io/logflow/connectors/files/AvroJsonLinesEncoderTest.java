package io.logflow.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroJsonLinesEncoderTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesPlainJsonLinesWithIsoTimestamps() throws Exception {
        WindowStats stats =
                WindowStats.newBuilder()
                        .setService("checkout \"eu\"")
                        .setWindow("tumbling-1m")
                        .setWindowStart(Instant.parse("2026-11-26T10:00:00Z"))
                        .setWindowEnd(Instant.parse("2026-11-26T10:01:00Z"))
                        .setCount(3)
                        .setLevelCounts(Map.of("INFO", 2L, "ERROR", 1L))
                        .setErrorRate(1.0 / 3)
                        .setLatency(new LatencySummary(1.0, 2.0, 3.0, 4.0, Double.NaN))
                        .setTopPaths(List.of(new TopItem("/a", 2L)))
                        .setEmittedAt(Instant.parse("2026-11-26T10:01:05Z"))
                        .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AvroJsonLinesEncoder<WindowStats> encoder = new AvroJsonLinesEncoder<>();
        encoder.encode(stats, out);
        encoder.encode(stats, out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode row = json.readTree(lines[0]);
        assertThat(row.get("service").asText()).isEqualTo("checkout \"eu\"");
        assertThat(row.get("windowStart").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(row.get("count").asLong()).isEqualTo(3);
        assertThat(row.get("levelCounts").get("ERROR").asLong()).isEqualTo(1);
        // Unions are written as their value, not Avro's {"type": value} wrapper.
        assertThat(row.get("latency").get("p99").asDouble()).isEqualTo(4.0);
        assertThat(row.get("latency").get("max").isNull()).as("NaN becomes null").isTrue();
        assertThat(row.get("topPaths").get(0).get("item").asText()).isEqualTo("/a");
    }

    @Test
    void bytesAreBase64AndNullsStayNull() throws Exception {
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setReason(DeadLetterReason.MALFORMED)
                        .setDetail("bad")
                        .setTopic("logs")
                        .setPartition(0)
                        .setOffset(7)
                        .setRecordTimestamp(Instant.EPOCH)
                        .setValue(ByteBuffer.wrap(new byte[] {0, 1, 2}))
                        .setProcessedAt(Instant.EPOCH)
                        .build();
        JsonNode row = json.readTree(AvroJsonLinesEncoder.toJson(letter));
        assertThat(row.get("reason").asText()).isEqualTo("MALFORMED");
        assertThat(row.get("value").asText()).isEqualTo("AAEC");
        assertThat(row.get("key").isNull()).isTrue();
        assertThat(row.get("schemaId").isNull()).isTrue();
    }
}
