package io.logflow.jobs.formats;

import com.google.protobuf.InvalidProtocolBufferException;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.util.function.Consumer;

/**
 * OTLP logs in protobuf: one {@code ExportLogsServiceRequest} per record, as the OpenTelemetry
 * Collector's Kafka exporter writes with {@code encoding: otlp_proto} (its default); one event per
 * log record ({@link OtlpLogs}). A request without log records gives no events.
 */
public final class OtlpProtoFormat implements LogFormat {

    private static final long serialVersionUID = 1L;

    private final OtlpLogs logs;

    public OtlpProtoFormat(FormatSettings settings) {
        this.logs = new OtlpLogs(settings, true);
    }

    @Override
    public void parse(
            byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException {
        ExportLogsServiceRequest request;
        try {
            request = ExportLogsServiceRequest.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new UnparseableException(
                    "not an OTLP ExportLogsServiceRequest: " + e.getMessage());
        }
        logs.emit(request, recordTimestamp, scratch, out);
    }
}
