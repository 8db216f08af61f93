package io.logflow.jobs.analytics;

import io.logflow.schema.Alert;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import io.logflow.schema.WindowStats;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of the analytics workflow, before any sink is attached; {@code patterns} and {@code
 * alerts} are null when switched off.
 */
public record AnalyticsStreams(
        DataStream<WindowStats> windowStats,
        DataStream<DeadLetter> deadLetters,
        DataStream<LogEvent> lateEvents,
        DataStream<LogPattern> patterns,
        DataStream<Alert> alerts) {}
