package io.logflow.bench.jmh;

import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.schema.LogEvent;

/** Realistic events for the microbenchmarks, from the generator's traffic model. */
final class BenchEvents {

    /** Enough distinct events that branch predictors cannot learn one. */
    static final int COUNT = 4096;

    private BenchEvents() {}

    static LogEvent[] sample(int count, long seed) {
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(seed).build());
        LogEvent[] events = new LogEvent[count];
        for (int i = 0; i < count; i++) {
            events[i] = model.next();
        }
        return events;
    }

    /** {@code e} as the ECS JSON line the generator writes for it: every field of the event. */
    static byte[] ecsJson(LogEvent e) {
        return io.logflow.devstack.generator.LineRenderer.render("json", e);
    }

    /**
     * {@code e} as a JSON line of the same fields under the short plain keys loggers write ({@code
     * ts} in epoch millis, {@code level}, {@code msg}, {@code duration_ms}, {@code ua}, …): the
     * same information in fewer bytes, nearer the Avro record's size.
     */
    static byte[] shortJson(LogEvent e) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(512);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("ts", e.getTimestamp().toEpochMilli());
            g.writeStringField("level", e.getLevel().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("service", e.getService());
            g.writeStringField("host", e.getHost());
            if (e.getLogger() != null) {
                g.writeStringField("logger", e.getLogger());
            }
            g.writeStringField("msg", e.getMessage());
            if (e.getTraceId() != null) {
                g.writeStringField("trace_id", e.getTraceId());
            }
            io.logflow.schema.HttpInfo h = e.getHttp();
            if (h != null) {
                g.writeStringField("method", h.getMethod());
                g.writeStringField("path", h.getPath());
                g.writeNumberField("status", h.getStatus());
                g.writeNumberField("duration_ms", h.getLatencyMs());
                g.writeNumberField("bytes", h.getResponseBytes());
                if (h.getClientIp() != null) {
                    g.writeStringField("client_ip", h.getClientIp());
                }
                if (h.getUserAgent() != null) {
                    g.writeStringField("ua", h.getUserAgent());
                }
            }
            if (!e.getAttributes().isEmpty()) {
                g.writeObjectFieldStart("labels");
                for (java.util.Map.Entry<String, String> a : e.getAttributes().entrySet()) {
                    g.writeStringField(a.getKey(), a.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON =
            new com.fasterxml.jackson.core.JsonFactory();
}
