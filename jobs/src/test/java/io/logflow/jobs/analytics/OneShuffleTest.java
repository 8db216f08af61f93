package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.functions.ShuffledEventSerializer;
import io.logflow.schema.LogEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.junit.jupiter.api.Test;

/**
 * Each event crosses the network once and is aggregated once, whatever the number of window
 * definitions.
 */
class OneShuffleTest {

    @Test
    void twoWindowDefinitionsAndTemplatesShuffleEachEventOnce() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--windows", "tumbling:1m;sliding:5m/1m", "--parallelism.default", "2");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AnalyticsJob.configure(env, config);
        AnalyticsStreams streams =
                AnalyticsJob.defineWorkflow(AnalyticsIO.source(env, config), config);
        streams.windowStats().sinkTo(new DiscardingSink<>());
        streams.deadLetters().sinkTo(new DiscardingSink<>());
        streams.lateEvents().sinkTo(new DiscardingSink<>());
        streams.patterns().sinkTo(new DiscardingSink<>());
        streams.alerts().sinkTo(new DiscardingSink<>());
        StreamGraph graph = env.getStreamGraph();

        List<String> eventShuffles = new ArrayList<>();
        List<String> keyedEdges = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            for (StreamEdge edge : node.getInEdges()) {
                if (edge.getPartitioner() instanceof KeyGroupStreamPartitioner) {
                    keyedEdges.add(
                            graph.getStreamNode(edge.getSourceId()).getOperatorName()
                                    + " -> "
                                    + node.getOperatorName());
                }
                TypeSerializer<?> out =
                        graph.getStreamNode(edge.getSourceId()).getTypeSerializerOut();
                // Side outputs (dead letters, late events) carry their own types, never keyed.
                boolean carriesEvents =
                        edge.getOutputTag() == null
                                && (out instanceof ShuffledEventSerializer
                                        || (out instanceof AvroSerializer<?> avro
                                                && avro.getType() == LogEvent.class));
                if (carriesEvents && edge.getPartitioner() instanceof KeyGroupStreamPartitioner) {
                    eventShuffles.add(
                            graph.getStreamNode(edge.getSourceId()).getOperatorName()
                                    + " -> "
                                    + node.getOperatorName());
                }
            }
        }
        assertThat(eventShuffles).containsExactly("split-dead-letters -> decode-events");
        // Window results and patterns reach the detectors on the partitioning they left with.
        assertThat(keyedEdges).containsExactly("split-dead-letters -> decode-events");

        // One operator aggregates both window definitions: the decoded events go to it and to the
        // miner only (and to nothing per definition).
        List<String> eventConsumers = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getOperatorName().startsWith("decode-events")) {
                for (StreamEdge edge : node.getOutEdges()) {
                    if (edge.getOutputTag() == null) {
                        eventConsumers.add(
                                graph.getStreamNode(edge.getTargetId()).getOperatorName());
                    }
                }
            }
        }
        assertThat(eventConsumers).containsExactlyInAnyOrder("window-stats", "Mine log templates");

        // Decode, both window aggregates, the miner and the detectors run in one chain behind the
        // shuffle.
        JobGraph job = graph.getJobGraph();
        JobVertex behind = null;
        for (JobVertex v : job.getVertices()) {
            if (v.getName().startsWith("decode-events")) {
                behind = v;
            }
        }
        assertThat(behind).isNotNull();
        assertThat(behind.getName())
                .contains("window-stats")
                .contains("count-late-events-sliding-5m-1m")
                .contains("Mine log templates")
                .contains("alerts-error-rate")
                .contains("alerts-latency")
                .contains("alerts-silence")
                .contains("alerts-new-error-template");
    }
}
