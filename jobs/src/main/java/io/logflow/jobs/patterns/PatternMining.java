package io.logflow.jobs.patterns;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.analytics.functions.CompactEventTypeInfo;
import io.logflow.schema.LogEvent;
import io.logflow.schema.LogPattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires log-template mining into a job: key by service, mine and count templates per window.
 *
 * <pre>{@code
 * DataStream<LogPattern> patterns = PatternMining.define(events, PatternSettings.defaults());
 * }</pre>
 */
public final class PatternMining {

    private PatternMining() {}

    /**
     * Events must carry event-time timestamps and watermarks; output is one record per template.
     */
    public static SingleOutputStreamOperator<LogPattern> define(
            DataStream<LogEvent> events, PatternSettings settings) {
        return define(
                events.map(CompactEvent::of)
                        .returns(CompactEventTypeInfo.INSTANCE)
                        .name("project-events")
                        .keyBy(e -> e.service, TypeInformation.of(String.class)),
                settings);
    }

    /** On events already keyed by service, e.g. chained behind the job's one shuffle. */
    public static SingleOutputStreamOperator<LogPattern> define(
            KeyedStream<CompactEvent, String> byService, PatternSettings settings) {
        return byService
                .process(new PatternMiningFunction(settings))
                .returns(TypeInformation.of(LogPattern.class))
                .name("Mine log templates")
                .uid("log-patterns");
    }
}
