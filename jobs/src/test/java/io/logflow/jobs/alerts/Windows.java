package io.logflow.jobs.alerts;

import io.logflow.schema.Alert;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.TopItem;
import io.logflow.schema.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/** WindowStats of 10-second windows and harnesses around the detectors, for the tests. */
final class Windows {

    static final long STEP = 10_000;
    static final Duration TTL = Duration.ofMinutes(10);

    private Windows() {}

    static AlertSettings.Builder settings() {
        return AlertSettings.builder("tumbling-10s", Duration.ofMillis(STEP))
                .minVolume(100)
                .minBaselineWindows(5)
                .resolveWindows(2)
                .stateTtl(TTL);
    }

    /** Window number {@code n} (starting at n * 10 s) of {@code service}. */
    static WindowStats window(String service, int n, long count, double errorRate, Double p99) {
        return WindowStats.newBuilder()
                .setService(service)
                .setWindow("tumbling-10s")
                .setWindowStart(Instant.ofEpochMilli(n * STEP))
                .setWindowEnd(Instant.ofEpochMilli((n + 1) * STEP))
                .setRevision(0)
                .setCount(count)
                .setLevelCounts(Map.of("ERROR", Math.round(count * errorRate)))
                .setErrorRate(errorRate)
                .setHttpCount(count)
                .setLatency(
                        p99 == null
                                ? null
                                : new LatencySummary(p99 / 4, p99 / 2, p99 / 1.5, p99, p99 * 2))
                .setTopPaths(List.of(new TopItem("/api/cart", count / 2)))
                .setTopErrors(List.of(new TopItem("Timeout after <*> ms", 3L)))
                .setEmittedAt(Instant.EPOCH)
                .build();
    }

    static WindowStats revised(WindowStats stats, int revision) {
        WindowStats copy = WindowStats.newBuilder(stats).build();
        copy.setRevision(revision);
        return copy;
    }

    static <T> KeyedOneInputStreamOperatorTestHarness<String, T, Alert> harness(
            KeyedProcessFunction<String, T, Alert> function,
            org.apache.flink.api.java.functions.KeySelector<T, String> key)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, T, Alert> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, key, Types.STRING);
        h.open();
        return h;
    }

    /** Sends {@code stats} as the window operator would: stamped with the window's last milli. */
    static void send(
            KeyedOneInputStreamOperatorTestHarness<String, WindowStats, Alert> h, WindowStats stats)
            throws Exception {
        h.processElement(stats, stats.getWindowEnd().toEpochMilli() - 1);
    }

    /** The watermark that fires window {@code n}. */
    static long closing(int n) {
        return (n + 1) * STEP - 1;
    }

    static String at(int n) {
        return Instant.ofEpochMilli(n * STEP).toString();
    }
}
