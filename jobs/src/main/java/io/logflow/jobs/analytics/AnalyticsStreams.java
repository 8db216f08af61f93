package io.logflow.jobs.analytics;

import io.logflow.schema.DeadLetter;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The three outputs of the analytics workflow, before any sink is attached. */
public record AnalyticsStreams(
        DataStream<WindowStats> windowStats,
        DataStream<DeadLetter> deadLetters,
        DataStream<LogEvent> lateEvents) {}
