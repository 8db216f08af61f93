package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.functions.DecodedRecord;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import io.logflow.schema.WindowStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The analytics workflow between source and sinks, driven from a collection of records and read
 * back without Kafka: the same topology the job runs ({@link AnalyticsJob#defineWorkflow}), with
 * the records turned into decoded events by the source's own deserializer.
 */
class AnalyticsWorkflowTest {

    // Recent, so the event-time rules' bounds around the wall clock accept them.
    private static final Instant A =
            Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    private static final Instant B = A.plusSeconds(60);

    private static String line(Instant at, String service, String level, String message) {
        return "{\"@timestamp\":\""
                + at
                + "\",\"service.name\":\""
                + service
                + "\",\"log.level\":\""
                + level
                + "\",\"message\":\""
                + message
                + "\"}";
    }

    @Test
    void jsonLinesGiveExactWindowCountsAndTheBrokenLineADeadLetter() throws Exception {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--input.sources", "app=json", "--windows", "tumbling:1m", "--top-n", "3");
        List<String> lines =
                List.of(
                        line(A.plusSeconds(1), "checkout", "info", "order 1 placed"),
                        line(A.plusSeconds(2), "checkout", "error", "payment declined"),
                        line(A.plusSeconds(3), "search", "info", "query served"),
                        line(A.plusSeconds(4), "checkout", "warn", "slow stock lookup"),
                        "{not json",
                        line(A.plusSeconds(5), "search", "info", "query served"),
                        line(A.plusSeconds(6), "search", "debug", "cache hit"),
                        line(A.plusSeconds(59), "search", "info", "query served"),
                        line(B.plusSeconds(1), "checkout", "info", "order 2 placed"),
                        line(B.plusSeconds(2), "checkout", "info", "order 3 placed"));
        List<DecodedRecord> records = decode(config, lines);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<DecodedRecord> input =
                env.fromData(
                                TypeInformation.of(DecodedRecord.class),
                                records.toArray(DecodedRecord[]::new))
                        .assignTimestampsAndWatermarks(AnalyticsJob.watermarks(config));
        AnalyticsStreams out = AnalyticsJob.defineWorkflow(input, config);
        CloseableIterator<WindowStats> stats = out.windowStats().collectAsync();
        CloseableIterator<DeadLetter> dead = out.deadLetters().collectAsync();
        env.execute("workflow-test");

        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        stats.forEachRemaining(
                s -> {
                    String key = s.getService() + "@" + s.getWindowStart().getEpochSecond() % 3600;
                    counts.put(key, s.getCount());
                    errors.put(key, s.getLevelCounts().get("ERROR"));
                });
        long a = A.getEpochSecond() % 3600;
        long b = B.getEpochSecond() % 3600;
        assertThat(counts)
                .isEqualTo(
                        Map.of(
                                "checkout@" + a, 3L,
                                "checkout@" + b, 2L,
                                "search@" + a, 4L));
        assertThat(errors.get("checkout@" + a)).isEqualTo(1L);
        assertThat(errors.get("search@" + a)).isZero();
        List<DeadLetter> letters = new ArrayList<>();
        dead.forEachRemaining(letters::add);
        assertThat(letters)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getReason()).isEqualTo(DeadLetterReason.UNPARSEABLE);
                            assertThat(new String(d.getValue().array(), StandardCharsets.UTF_8))
                                    .isEqualTo("{not json");
                        });
    }

    /** The records as the source would read them from partition 0 of the source's topic. */
    private static List<DecodedRecord> decode(AnalyticsConfig config, List<String> lines)
            throws Exception {
        InputSource source = config.sources().get(0);
        var deserializer = AnalyticsIO.deserializer(config, source);
        List<DecodedRecord> out = new ArrayList<>();
        Collector<DecodedRecord> collector =
                new Collector<>() {
                    @Override
                    public void collect(DecodedRecord r) {
                        out.add(r);
                    }

                    @Override
                    public void close() {}
                };
        long offset = 0;
        for (String line : lines) {
            deserializer.deserialize(
                    new ConsumerRecord<>(
                            source.topic(),
                            0,
                            offset++,
                            A.toEpochMilli(),
                            TimestampType.CREATE_TIME,
                            0,
                            line.length(),
                            null,
                            line.getBytes(StandardCharsets.UTF_8),
                            new RecordHeaders(),
                            Optional.empty()),
                    collector);
        }
        return out;
    }
}
