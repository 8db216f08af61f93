package io.logflow.devstack.generator;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * A generated event as the OpenTelemetry {@code ExportLogsServiceRequest} a collector would export
 * for it: one resource ({@code service.name}, {@code host.name}), one scope, one log record with
 * severity number and text, a string body, nanosecond time and the HTTP facts as
 * semantic-convention attributes, the duration in seconds. The OTLP/JSON lines of {@link
 * LineRenderer} carry the same.
 */
final class OtlpRequests {

    /** The instrumentation scope every generated record names. */
    static final String SCOPE = "logflow-generator";

    private OtlpRequests() {}

    static ExportLogsServiceRequest of(LogEvent e) {
        LogRecord.Builder log =
                LogRecord.newBuilder()
                        .setTimeUnixNano(nanos(e))
                        .setSeverityNumber(SeverityNumber.forNumber(severity(e.getLevel())))
                        .setSeverityText(e.getLevel().name())
                        .setBody(string(e.getMessage()));
        HttpInfo h = e.getHttp();
        if (h != null) {
            log.addAttributes(kv("http.request.method", string(h.getMethod())))
                    .addAttributes(kv("url.path", string(h.getPath())))
                    .addAttributes(
                            kv(
                                    "http.response.status_code",
                                    AnyValue.newBuilder().setIntValue(h.getStatus()).build()))
                    .addAttributes(
                            kv(
                                    "http.server.request.duration",
                                    AnyValue.newBuilder()
                                            .setDoubleValue(h.getLatencyMs() / 1000.0)
                                            .build()))
                    .addAttributes(
                            kv(
                                    "http.response.body.size",
                                    AnyValue.newBuilder()
                                            .setIntValue(h.getResponseBytes())
                                            .build()));
            if (h.getClientIp() != null) {
                log.addAttributes(kv("client.address", string(h.getClientIp())));
            }
            if (h.getUserAgent() != null) {
                log.addAttributes(kv("user_agent.original", string(h.getUserAgent())));
            }
        }
        e.getAttributes().forEach((k, v) -> log.addAttributes(kv(k, string(v))));
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(
                        ResourceLogs.newBuilder()
                                .setResource(
                                        Resource.newBuilder()
                                                .addAttributes(
                                                        kv("service.name", string(e.getService())))
                                                .addAttributes(
                                                        kv("host.name", string(e.getHost()))))
                                .addScopeLogs(
                                        ScopeLogs.newBuilder()
                                                .setScope(
                                                        InstrumentationScope.newBuilder()
                                                                .setName(SCOPE))
                                                .addLogRecords(log)))
                .build();
    }

    /** Event time in nanoseconds since the epoch, as OTLP's {@code time_unix_nano}. */
    static long nanos(LogEvent e) {
        return e.getTimestamp().getEpochSecond() * 1_000_000_000L + e.getTimestamp().getNano();
    }

    /** The first severity number of each of OpenTelemetry's ranges. */
    static int severity(Level level) {
        return switch (level) {
            case TRACE -> 1;
            case DEBUG -> 5;
            case INFO -> 9;
            case WARN -> 13;
            case ERROR -> 17;
            case FATAL -> 21;
        };
    }

    private static AnyValue string(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }
}
