package io.logflow.jobs.formats;

import com.google.protobuf.InvalidProtocolBufferException;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * OTLP logs in OTLP/JSON: one {@code ExportLogsServiceRequest} per record, as the OpenTelemetry
 * Collector's Kafka exporter writes with {@code encoding: otlp_json}; one event per log record
 * ({@link OtlpLogs}).
 *
 * <p>Read by protobuf's own JSON parser into the generated builder, so the proto3 JSON rules hold
 * as the spec asks: camelCase or snake_case keys, 64-bit integers as strings or numbers, severity
 * as number or enum name. Unknown keys are skipped, for requests from newer senders. Trace and span
 * ids, which OTLP/JSON writes as hex rather than base64, are not read. The parser is lenient after
 * the request's closing brace: a second request in the same record is not read (the collector
 * writes one per record).
 */
public final class OtlpJsonFormat implements LogFormat {

    private static final long serialVersionUID = 1L;

    private final OtlpLogs logs;
    private transient com.google.protobuf.util.JsonFormat.Parser parser;

    public OtlpJsonFormat(FormatSettings settings) {
        this.logs = new OtlpLogs(settings, false);
    }

    @Override
    public void parse(
            byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException {
        if (parser == null) {
            parser = com.google.protobuf.util.JsonFormat.parser().ignoringUnknownFields();
        }
        String json = new String(value, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            // Protobuf's parser would say "Expect message object but got: null"; say what it is.
            throw new UnparseableException("not OTLP/JSON: the record is empty");
        }
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        try {
            parser.merge(json, request);
        } catch (InvalidProtocolBufferException e) {
            throw new UnparseableException(
                    "not OTLP/JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        logs.emit(request.build(), recordTimestamp, scratch, out);
    }
}
