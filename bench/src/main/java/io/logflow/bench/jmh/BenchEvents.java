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

    /**
     * {@code e} as the JSON line an ECS-speaking shipper writes for it: every field of the event,
     * the attributes as labels, so the line carries what the Avro record carries.
     */
    static byte[] ecsJson(LogEvent e) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
            try (com.fasterxml.jackson.core.JsonGenerator g =
                    new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("@timestamp", e.getTimestamp().toString());
                g.writeStringField("service.name", e.getService());
                g.writeStringField("host.name", e.getHost());
                g.writeStringField("log.level", e.getLevel().name());
                if (e.getLogger() != null) {
                    g.writeStringField("log.logger", e.getLogger());
                }
                g.writeStringField("message", e.getMessage());
                if (e.getTraceId() != null) {
                    g.writeStringField("trace.id", e.getTraceId());
                }
                io.logflow.schema.HttpInfo h = e.getHttp();
                if (h != null) {
                    g.writeStringField("http.request.method", h.getMethod());
                    g.writeStringField("url.path", h.getPath());
                    g.writeNumberField("http.response.status_code", h.getStatus());
                    g.writeNumberField("event.duration", Math.round(h.getLatencyMs() * 1e6));
                    g.writeNumberField("http.response.body.bytes", h.getResponseBytes());
                    if (h.getClientIp() != null) {
                        g.writeStringField("client.ip", h.getClientIp());
                    }
                    if (h.getUserAgent() != null) {
                        g.writeStringField("user_agent.original", h.getUserAgent());
                    }
                }
                g.writeObjectFieldStart("labels");
                for (java.util.Map.Entry<String, String> a : e.getAttributes().entrySet()) {
                    g.writeStringField(a.getKey(), a.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
