package io.logflow.jobs.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.logflow.devstack.junit.FlinkMiniCluster;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PatternMining#define} on a real MiniCluster, with Kryo fallback switched off. */
class PatternMiningITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension(2);

    @Test
    void minesTemplatesPerServiceAndWindowInParallel() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // Any state or record type without its own serializer would fail the job here.
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);

        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String service = i % 2 == 0 ? "checkout" : "search";
            String message =
                    i % 4 < 2
                            ? "request " + i + " served in " + (i % 50) + " ms"
                            : "cache miss for key k" + i;
            events.add(
                    LogEvent.newBuilder()
                            .setTimestamp(Instant.ofEpochMilli(i * 100L))
                            .setService(service)
                            .setHost("h")
                            .setLevel(i % 40 == 3 ? Level.ERROR : Level.INFO)
                            .setMessage(message)
                            .build());
        }
        DataStream<LogEvent> source =
                env.fromData(events)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<LogEvent>forMonotonousTimestamps()
                                        .withTimestampAssigner(
                                                (e, t) -> e.getTimestamp().toEpochMilli()));

        List<LogPattern> out = new ArrayList<>();
        PatternMining.define(
                        source, PatternSettings.defaults().withWindowSize(Duration.ofSeconds(10)))
                .executeAndCollect()
                .forEachRemaining(out::add);

        // 400 events over 40 s: four 10 s windows, two services, two templates each.
        assertThat(out).hasSize(16);
        assertThat(out).extracting(LogPattern::getCount).allMatch(c -> c == 25L);
        assertThat(out)
                .filteredOn(p -> p.getWindowStart().equals(Instant.EPOCH))
                .extracting(
                        LogPattern::getService,
                        LogPattern::getTemplateId,
                        LogPattern::getTemplate,
                        LogPattern::getNewTemplate)
                .containsExactlyInAnyOrder(
                        tuple("checkout", 1L, "request <*> served in <*>", true),
                        tuple("checkout", 2L, "cache miss for key <*>", true),
                        tuple("search", 1L, "request <*> served in <*>", true),
                        tuple("search", 2L, "cache miss for key <*>", true));
        // Errors at i = 3, 43, 83, ...: all "search" cache misses; only the first is new.
        assertThat(out)
                .filteredOn(LogPattern::getNewError)
                .extracting(
                        LogPattern::getService,
                        LogPattern::getTemplateId,
                        LogPattern::getWindowStart)
                .containsExactly(tuple("search", 2L, Instant.EPOCH));
        assertThat(out).extracting(LogPattern::getErrorCount).containsOnly(0L, 3L, 2L);
    }
}
