package io.logflow.devstack.generator;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a generated event as the line a fleet's shipper would put on Kafka, for the job's raw
 * formats: ECS JSON, logfmt, an nginx combined access log line, RFC 5424 syslog, a log4j-style text
 * line, or an OpenTelemetry {@code ExportLogsServiceRequest} as the collector's Kafka exporter
 * writes it, in OTLP/JSON ({@code encoding: otlp_json}) or protobuf ({@code otlp_proto}, its
 * default), one request per record. The same traffic model drives every format, so a raw stream
 * looks like the Avro one.
 */
public final class LineRenderer {

    /** The generator's formats: Avro through the registry, or one of the raw lines. */
    public static final List<String> FORMATS =
            List.of("avro", "json", "logfmt", "nginx", "syslog", "text", "otlp-json", "otlp-proto");

    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG4J =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private LineRenderer() {}

    /**
     * {@code e} as one record of {@code format} (any of {@link #FORMATS} but avro): a UTF-8 line,
     * or for {@code otlp-proto} the request's protobuf bytes.
     */
    public static byte[] render(String format, LogEvent e) {
        if (format.equals("otlp-proto")) {
            return OtlpRequests.of(e).toByteArray();
        }
        String line =
                switch (format) {
                    case "json" -> json(e);
                    case "logfmt" -> logfmt(e);
                    case "nginx" -> nginx(e);
                    case "syslog" -> syslog(e);
                    case "text" -> text(e);
                    case "otlp-json" -> otlpJson(e);
                    default -> throw new IllegalArgumentException("Not a line format: " + format);
                };
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(LogEvent e) {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "@timestamp", e.getTimestamp().toString());
        field(b, "service.name", e.getService());
        field(b, "host.name", e.getHost());
        field(b, "log.level", e.getLevel().name().toLowerCase(Locale.ROOT));
        if (e.getLogger() != null) {
            field(b, "log.logger", e.getLogger());
        }
        field(b, "message", e.getMessage());
        if (e.getTraceId() != null) {
            field(b, "trace.id", e.getTraceId());
        }
        HttpInfo h = e.getHttp();
        if (h != null) {
            field(b, "http.request.method", h.getMethod());
            field(b, "url.path", h.getPath());
            b.append("\"http.response.status_code\":").append(h.getStatus()).append(',');
            b.append("\"event.duration\":").append(Math.round(h.getLatencyMs() * 1e6)).append(',');
            b.append("\"http.response.body.bytes\":").append(h.getResponseBytes()).append(',');
            if (h.getClientIp() != null) {
                field(b, "client.ip", h.getClientIp());
            }
            if (h.getUserAgent() != null) {
                field(b, "user_agent.original", h.getUserAgent());
            }
        }
        // Attributes as ECS labels, so the line carries what the Avro record carries.
        if (!e.getAttributes().isEmpty()) {
            b.append("\"labels\":{");
            e.getAttributes().forEach((k, v) -> field(b, k, v));
            b.setLength(b.length() - 1);
            b.append("},");
        }
        b.setLength(b.length() - 1);
        return b.append('}').toString();
    }

    /**
     * One resource (service.name, host.name), one scope, one log record: severity number and text,
     * body, nanosecond time as a string (64-bit integers are strings in OTLP/JSON), HTTP facts as
     * semantic-convention attributes with the duration in seconds.
     */
    private static String otlpJson(LogEvent e) {
        long nanos = OtlpRequests.nanos(e);
        int severity = OtlpRequests.severity(e.getLevel());
        StringBuilder b = new StringBuilder(512);
        b.append("{\"resourceLogs\":[{\"resource\":{\"attributes\":[");
        otlpAttribute(b, "service.name", e.getService());
        otlpAttribute(b, "host.name", e.getHost());
        b.setLength(b.length() - 1);
        b.append("]},\"scopeLogs\":[{\"scope\":{\"name\":\"")
                .append(OtlpRequests.SCOPE)
                .append("\"},");
        b.append("\"logRecords\":[{\"timeUnixNano\":\"").append(nanos).append("\",");
        b.append("\"severityNumber\":").append(severity).append(',');
        field(b, "severityText", e.getLevel().name());
        b.append("\"body\":{");
        field(b, "stringValue", e.getMessage());
        b.setLength(b.length() - 1);
        b.append("},\"attributes\":[");
        HttpInfo h = e.getHttp();
        if (h != null) {
            otlpAttribute(b, "http.request.method", h.getMethod());
            otlpAttribute(b, "url.path", h.getPath());
            b.append("{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"")
                    .append(h.getStatus())
                    .append("\"}},");
            b.append("{\"key\":\"http.server.request.duration\",\"value\":{\"doubleValue\":")
                    .append(h.getLatencyMs() / 1000.0)
                    .append("}},");
            b.append("{\"key\":\"http.response.body.size\",\"value\":{\"intValue\":\"")
                    .append(h.getResponseBytes())
                    .append("\"}},");
            if (h.getClientIp() != null) {
                otlpAttribute(b, "client.address", h.getClientIp());
            }
            if (h.getUserAgent() != null) {
                otlpAttribute(b, "user_agent.original", h.getUserAgent());
            }
        }
        e.getAttributes().forEach((k, v) -> otlpAttribute(b, k, v));
        if (b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        return b.append("]}]}]}]}").toString();
    }

    private static void otlpAttribute(StringBuilder b, String key, String value) {
        b.append("{\"key\":\"").append(key).append("\",\"value\":{");
        field(b, "stringValue", value);
        b.setLength(b.length() - 1);
        b.append("}},");
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append('"').append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append("\",");
    }

    private static String logfmt(LogEvent e) {
        StringBuilder b = new StringBuilder(256);
        b.append("ts=").append(e.getTimestamp());
        b.append(" level=").append(e.getLevel().name().toLowerCase(Locale.ROOT));
        b.append(" service=").append(e.getService());
        b.append(" host=").append(e.getHost());
        b.append(" msg=\"")
                .append(e.getMessage().replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
        HttpInfo h = e.getHttp();
        if (h != null) {
            b.append(" method=").append(h.getMethod());
            b.append(" path=").append(h.getPath());
            b.append(" status=").append(h.getStatus());
            b.append(" duration=").append(h.getLatencyMs()).append("ms");
            b.append(" bytes=").append(h.getResponseBytes());
        }
        return b.toString();
    }

    /** nginx's combined format with {@code $request_time} (seconds) appended. */
    private static String nginx(LogEvent e) {
        HttpInfo h = e.getHttp();
        String ip = h == null || h.getClientIp() == null ? "10.0.0.1" : h.getClientIp();
        String request =
                h == null
                        ? "GET /health HTTP/1.1"
                        : h.getMethod() + " " + h.getPath() + " HTTP/1.1";
        int status = h == null ? 200 : h.getStatus();
        long bytes = h == null ? 2 : h.getResponseBytes();
        double seconds = h == null ? 0.001 : h.getLatencyMs() / 1000.0;
        String agent = h == null || h.getUserAgent() == null ? "-" : h.getUserAgent();
        return String.format(
                Locale.ROOT,
                "%s - - [%s] \"%s\" %d %d \"-\" \"%s\" %.3f",
                ip,
                CLF.format(e.getTimestamp()),
                request,
                status,
                bytes,
                agent.replace("\"", "'"),
                seconds);
    }

    /** RFC 5424, facility local0 (16), severity from the level. */
    private static String syslog(LogEvent e) {
        int severity =
                switch (e.getLevel()) {
                    case FATAL -> 2;
                    case ERROR -> 3;
                    case WARN -> 4;
                    case INFO -> 6;
                    default -> 7;
                };
        return "<"
                + (16 * 8 + severity)
                + ">1 "
                + e.getTimestamp()
                + " "
                + e.getHost()
                + " "
                + e.getService()
                + " - - - "
                + e.getMessage();
    }

    private static String text(LogEvent e) {
        Level level = e.getLevel();
        return LOG4J.format(e.getTimestamp())
                + " "
                + level
                + " [main] "
                + e.getService()
                + " - "
                + e.getMessage();
    }
}
