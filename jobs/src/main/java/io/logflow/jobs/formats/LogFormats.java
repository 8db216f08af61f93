package io.logflow.jobs.formats;

import java.util.List;
import java.util.function.Function;

/** The input formats by name, as {@code input.sources} names them. */
public final class LogFormats {

    /** Today's Confluent-framed Avro {@code LogEvent}s, decoded after the shuffle. */
    public static final String AVRO = "avro-confluent";

    private static final List<String> RAW =
            List.of(
                    "json",
                    "logfmt",
                    "nginx",
                    "apache",
                    "syslog",
                    "text",
                    "otlp-json",
                    "otlp-proto");

    private LogFormats() {}

    /** Every format name, Avro first. */
    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(List.of(AVRO));
        all.addAll(RAW);
        return all;
    }

    /** The parser of raw format {@code name}; fails naming the formats there are. */
    public static LogFormat create(String name, FormatSettings settings) {
        Function<FormatSettings, LogFormat> factory =
                switch (name) {
                    case "json" -> JsonFormat::new;
                    case "logfmt" -> LogfmtFormat::new;
                    case "nginx", "apache" -> AccessLogFormat::new;
                    case "syslog" -> SyslogFormat::new;
                    case "text" -> TextFormat::new;
                    case "otlp-json" -> OtlpJsonFormat::new;
                    case "otlp-proto" -> OtlpProtoFormat::new;
                    default -> null;
                };
        if (factory == null) {
            throw new IllegalArgumentException(
                    "Unknown input format '"
                            + name
                            + "'; formats are "
                            + String.join(", ", names()));
        }
        return factory.apply(settings);
    }
}
