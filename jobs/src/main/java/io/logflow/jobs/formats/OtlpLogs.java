package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Maps a parsed OTLP {@link ExportLogsServiceRequest} to one event per log record, whichever
 * encoding it came in: what the two OTLP formats share.
 *
 * <p>Time is {@code time_unix_nano}, else {@code observed_time_unix_nano}, else the Kafka record's
 * (truncated to millis); level the severity number, else the severity text, else INFO; message the
 * body ({@link AnyValues#text}); service and host resource attributes; HTTP fields log record
 * attributes ({@link OtlpFields}), present when a status or a path is. An attribute whose value is
 * not of the kind its field needs counts as absent: one odd attribute must not drop the request's
 * other records.
 */
final class OtlpLogs implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final FormatSettings settings;
    private final OtlpFields fields;
    private final boolean fromBytes;
    private transient AnyValue[] values;
    private transient int[] ranks;

    /**
     * @param fromBytes whether requests come parsed from protobuf bytes, whose strings are still
     *     UTF-8 until read (the method is then matched on them); OTLP/JSON's are strings already
     */
    OtlpLogs(FormatSettings settings, boolean fromBytes) {
        this.settings = settings;
        this.fields = new OtlpFields(settings);
        this.fromBytes = fromBytes;
    }

    void emit(
            ExportLogsServiceRequest request,
            long recordTimestamp,
            CompactEvent scratch,
            Consumer<CompactEvent> out) {
        if (values == null) {
            values = new AnyValue[OtlpFields.COUNT];
            ranks = new int[OtlpFields.COUNT];
        }
        for (ResourceLogs resource : request.getResourceLogsList()) {
            List<KeyValue> attributes = resource.getResource().getAttributesList();
            String service = string(attributes, fields.service);
            if (service == null || service.isEmpty()) {
                service = settings.service();
            }
            String host = string(attributes, fields.host);
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                for (LogRecord log : scope.getLogRecordsList()) {
                    scratch.reset(recordTimestamp, service);
                    scratch.host = host;
                    fill(log, scratch);
                    out.accept(scratch);
                }
            }
        }
    }

    private void fill(LogRecord log, CompactEvent e) {
        long nanos =
                log.getTimeUnixNano() != 0 ? log.getTimeUnixNano() : log.getObservedTimeUnixNano();
        if (nanos != 0) {
            // fixed64 is unsigned; a value past 2262 is then absurd, not negative.
            e.timestamp = Long.divideUnsigned(nanos, NANOS_PER_MILLI);
        }
        Level level = Levels.fromOtelSeverity(log.getSeverityNumberValue());
        if (level == null && !log.getSeverityText().isEmpty()) {
            level = Levels.parse(log.getSeverityText());
        }
        if (level != null) {
            e.level = level;
        }
        e.message = AnyValues.text(log.getBody());
        http(log.getAttributesList(), e);
    }

    private void http(List<KeyValue> attributes, CompactEvent e) {
        Arrays.fill(values, null);
        Arrays.fill(ranks, Integer.MAX_VALUE);
        for (int i = 0; i < attributes.size(); i++) {
            KeyValue kv = attributes.get(i);
            int hit = fields.lookup(kv.getKey());
            if (hit >= 0 && hit % 16 < ranks[hit / 16]) {
                values[hit / 16] = kv.getValue();
                ranks[hit / 16] = hit % 16;
            }
        }
        double status = number(OtlpFields.STATUS);
        String path = text(OtlpFields.PATH);
        if (Double.isNaN(status) && path == null) {
            return;
        }
        e.http = true;
        e.path = path == null ? "" : JsonFormat.withoutQuery(path);
        e.status = Double.isNaN(status) ? 0 : (int) status;
        double latency = number(OtlpFields.LATENCY);
        if (!Double.isNaN(latency)) {
            String key = fields.keys[OtlpFields.LATENCY][ranks[OtlpFields.LATENCY]];
            e.latencyMs = latency * OtlpFields.latencyScale(key);
        }
        double bytes = number(OtlpFields.BYTES);
        if (!Double.isNaN(bytes)) {
            e.responseBytes = (long) bytes;
        }
        e.clientIp = text(OtlpFields.CLIENT_IP);
        e.method = method(values[OtlpFields.METHOD]);
        String agent = text(OtlpFields.USER_AGENT);
        e.userAgent = agent == null || agent.isEmpty() ? null : agent;
    }

    private String method(AnyValue v) {
        if (v == null) {
            return null;
        }
        if (fromBytes && v.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
            return HttpMethods.of(v.getStringValueBytes());
        }
        return HttpMethods.of(AnyValues.text(v));
    }

    private double number(int field) {
        return values[field] == null ? Double.NaN : AnyValues.number(values[field]);
    }

    private String text(int field) {
        return values[field] == null ? null : AnyValues.text(values[field]);
    }

    private static String string(List<KeyValue> attributes, String key) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).getKey().equals(key)) {
                return AnyValues.text(attributes.get(i).getValue());
            }
        }
        return null;
    }
}
