package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.schema.Level;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One export request of three resources and seven log records, built with the generated builders
 * and written out as the collector's OTLP/JSON, with the events both must give.
 */
final class OtlpSample {

    static final long RECORD_TIME = Instant.parse("2026-11-26T10:05:00Z").toEpochMilli();
    static final long T0_NANOS = 1_795_687_200_123_456_789L;
    static final long T1_NANOS = 1_795_687_201_000_000_000L;

    private OtlpSample() {}

    static ExportLogsServiceRequest request() {
        LogRecord payment =
                LogRecord.newBuilder()
                        .setTimeUnixNano(T0_NANOS)
                        .setObservedTimeUnixNano(T1_NANOS)
                        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR)
                        .setSeverityText("Error")
                        .setBody(string("Payment failed"))
                        .addAttributes(kv("http.request.method", string("POST")))
                        .addAttributes(kv("http.response.status_code", integer(502)))
                        .addAttributes(kv("url.path", string("/api/pay?order=7")))
                        .addAttributes(kv("http.route", string("/api/pay")))
                        .addAttributes(kv("client.address", string("10.0.0.7")))
                        .addAttributes(
                                kv(
                                        "http.server.request.duration",
                                        AnyValue.newBuilder().setDoubleValue(0.0125).build()))
                        .addAttributes(kv("http.response.body.size", integer(1234)))
                        .addAttributes(
                                kv("user_agent.original", string("Mozilla/5.0 (X11; Linux)")))
                        .build();
        LogRecord login =
                LogRecord.newBuilder()
                        .setObservedTimeUnixNano(T1_NANOS)
                        .setSeverityText("warning")
                        .setBody(
                                kvlist(
                                        kv("event", string("login")),
                                        kv(
                                                "user",
                                                kvlist(
                                                        kv("id", integer(7)),
                                                        kv(
                                                                "admin",
                                                                AnyValue.newBuilder()
                                                                        .setBoolValue(false)
                                                                        .build()))),
                                        kv(
                                                "tags",
                                                AnyValue.newBuilder()
                                                        .setArrayValue(
                                                                ArrayValue.newBuilder()
                                                                        .addValues(string("a"))
                                                                        .addValues(integer(1)))
                                                        .build())))
                        .build();
        LogRecord notFound =
                LogRecord.newBuilder()
                        .addAttributes(kv("http.route", string("/users/{id}")))
                        .addAttributes(kv("http.status_code", string("404")))
                        .addAttributes(kv("http.method", string("GET")))
                        .addAttributes(kv("http.user_agent", string("curl/8.5.0")))
                        .build();
        ResourceLogs checkout =
                ResourceLogs.newBuilder()
                        .setResource(
                                Resource.newBuilder()
                                        .addAttributes(kv("service.name", string("checkout")))
                                        .addAttributes(kv("host.name", string("web-1"))))
                        .addScopeLogs(
                                ScopeLogs.newBuilder()
                                        .setScope(
                                                InstrumentationScope.newBuilder()
                                                        .setName("io.opentelemetry.tomcat")
                                                        .setVersion("2.10.0"))
                                        .addLogRecords(payment)
                                        .addLogRecords(login))
                        .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(notFound))
                        .build();
        ResourceLogs search =
                ResourceLogs.newBuilder()
                        .setResource(
                                Resource.newBuilder()
                                        .addAttributes(kv("service.name", string("search"))))
                        .addScopeLogs(
                                ScopeLogs.newBuilder()
                                        .addLogRecords(
                                                LogRecord.newBuilder()
                                                        .setTimeUnixNano(T1_NANOS)
                                                        .setSeverityNumberValue(5)
                                                        .setBody(integer(42)))
                                        .addLogRecords(
                                                LogRecord.newBuilder()
                                                        .setTimeUnixNano(T1_NANOS)
                                                        .setSeverityNumberValue(22)
                                                        .setSeverityText("INFO")
                                                        .setBody(string("disk full")))
                                        .addLogRecords(
                                                LogRecord.newBuilder()
                                                        .setTimeUnixNano(T1_NANOS)
                                                        .setSeverityText("bogus")
                                                        .setBody(string("hit"))
                                                        .addAttributes(
                                                                kv("http.target", string("/q?x=1")))
                                                        .addAttributes(
                                                                kv(
                                                                        "http.response.status_code",
                                                                        integer(200)))))
                        .build();
        ResourceLogs anonymous =
                ResourceLogs.newBuilder()
                        .addScopeLogs(
                                ScopeLogs.newBuilder()
                                        .addLogRecords(
                                                LogRecord.newBuilder()
                                                        .setTimeUnixNano(T1_NANOS)
                                                        .setBody(string("orphan"))))
                        .build();
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(checkout)
                .addResourceLogs(search)
                .addResourceLogs(anonymous)
                .build();
    }

    /** {@link #request()} as the collector's {@code otlp_json} encoding writes it. */
    static final String JSON =
            """
            {"resourceLogs":[{"resource":{"attributes":[
              {"key":"service.name","value":{"stringValue":"checkout"}},
              {"key":"host.name","value":{"stringValue":"web-1"}}]},
             "scopeLogs":[{"scope":{"name":"io.opentelemetry.tomcat","version":"2.10.0"},
              "logRecords":[
               {"timeUnixNano":"1795687200123456789","observedTimeUnixNano":"1795687201000000000",
                "severityNumber":17,"severityText":"Error","body":{"stringValue":"Payment failed"},
                "attributes":[
                 {"key":"http.request.method","value":{"stringValue":"POST"}},
                 {"key":"http.response.status_code","value":{"intValue":"502"}},
                 {"key":"url.path","value":{"stringValue":"/api/pay?order=7"}},
                 {"key":"http.route","value":{"stringValue":"/api/pay"}},
                 {"key":"client.address","value":{"stringValue":"10.0.0.7"}},
                 {"key":"http.server.request.duration","value":{"doubleValue":0.0125}},
                 {"key":"http.response.body.size","value":{"intValue":"1234"}},
                 {"key":"user_agent.original",
                  "value":{"stringValue":"Mozilla/5.0 (X11; Linux)"}}],
                "flags":1,"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"},
               {"observedTimeUnixNano":"1795687201000000000","severityText":"warning",
                "body":{"kvlistValue":{"values":[
                 {"key":"event","value":{"stringValue":"login"}},
                 {"key":"user","value":{"kvlistValue":{"values":[
                  {"key":"id","value":{"intValue":"7"}},
                  {"key":"admin","value":{"boolValue":false}}]}}},
                 {"key":"tags","value":{"arrayValue":{"values":[
                  {"stringValue":"a"},{"intValue":"1"}]}}}]}},
                "traceId":"","spanId":""}]},
             {"scope":{},"logRecords":[{"attributes":[
               {"key":"http.route","value":{"stringValue":"/users/{id}"}},
               {"key":"http.status_code","value":{"stringValue":"404"}},
               {"key":"http.method","value":{"stringValue":"GET"}},
               {"key":"http.user_agent","value":{"stringValue":"curl/8.5.0"}}]}]}],
             "schemaUrl":"https://opentelemetry.io/schemas/1.26.0"},
            {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"search"}}],
              "droppedAttributesCount":0},
             "scopeLogs":[{"scope":{},"logRecords":[
              {"timeUnixNano":"1795687201000000000","severityNumber":5,"body":{"intValue":"42"}},
              {"timeUnixNano":"1795687201000000000","severityNumber":22,"severityText":"INFO",
               "body":{"stringValue":"disk full"}},
              {"timeUnixNano":"1795687201000000000","severityText":"bogus",
               "body":{"stringValue":"hit"},"attributes":[
               {"key":"http.target","value":{"stringValue":"/q?x=1"}},
               {"key":"http.response.status_code","value":{"intValue":"200"}}]}]}]},
            {"resource":{},"scopeLogs":[{"scope":{},"logRecords":[
              {"timeUnixNano":"1795687201000000000","body":{"stringValue":"orphan"}}]}]}]}
            """;

    /** The events of {@link #request()} for a source whose service is {@code otel}. */
    static void assertEvents(List<CompactEvent> events) {
        assertThat(events)
                .extracting(e -> e.service)
                .containsExactly(
                        "checkout", "checkout", "checkout", "search", "search", "search", "otel");
        assertThat(events)
                .extracting(e -> e.timestamp)
                .containsExactly(
                        1_795_687_200_123L,
                        1_795_687_201_000L,
                        RECORD_TIME,
                        1_795_687_201_000L,
                        1_795_687_201_000L,
                        1_795_687_201_000L,
                        1_795_687_201_000L);
        assertThat(events)
                .extracting(e -> e.level)
                .containsExactly(
                        Level.ERROR,
                        Level.WARN,
                        Level.INFO,
                        Level.DEBUG,
                        Level.FATAL,
                        Level.INFO,
                        Level.INFO);
        assertThat(events)
                .extracting(e -> e.message)
                .containsExactly(
                        "Payment failed",
                        "event=login user={id=7 admin=false} tags=[a, 1]",
                        "",
                        "42",
                        "disk full",
                        "hit",
                        "orphan");
        assertThat(events)
                .extracting(e -> e.host)
                .containsExactly("web-1", "web-1", "web-1", null, null, null, null);
        assertThat(events)
                .extracting(e -> e.http)
                .containsExactly(true, false, true, false, false, true, false);

        assertThat(events)
                .extracting(e -> e.method)
                .containsExactly("POST", null, "GET", null, null, null, null);
        assertThat(events)
                .extracting(e -> e.userAgent)
                .containsExactly(
                        "Mozilla/5.0 (X11; Linux)", null, "curl/8.5.0", null, null, null, null);

        CompactEvent payment = events.get(0);
        assertThat(payment.method).as("the shared string, not a copy").isSameAs("POST");
        assertThat(payment.path).as("url.path before http.route, no query").isEqualTo("/api/pay");
        assertThat(payment.status).isEqualTo(502);
        assertThat(payment.latencyMs).as("seconds to millis").isEqualTo(12.5);
        assertThat(payment.responseBytes).isEqualTo(1234);
        assertThat(payment.clientIp).isEqualTo("10.0.0.7");

        CompactEvent notFound = events.get(2);
        assertThat(notFound.method).as("the older attribute name").isSameAs("GET");
        assertThat(notFound.path).isEqualTo("/users/{id}");
        assertThat(notFound.status).as("a status in a string").isEqualTo(404);
        assertThat(notFound.latencyMs).isNaN();
        assertThat(notFound.responseBytes).isZero();
        assertThat(notFound.clientIp).isNull();

        CompactEvent hit = events.get(5);
        assertThat(hit.path).isEqualTo("/q");
        assertThat(hit.status).isEqualTo(200);
        assertThat(events.get(1).path).isNull();
    }

    static List<CompactEvent> parse(LogFormat format, byte[] value) throws UnparseableException {
        List<CompactEvent> out = new ArrayList<>();
        format.parse(
                value,
                RECORD_TIME,
                new CompactEvent(),
                e -> out.add(new CompactEvent().copyFrom(e)));
        return out;
    }

    static AnyValue string(String s) {
        return AnyValue.newBuilder().setStringValue(s).build();
    }

    static AnyValue integer(long i) {
        return AnyValue.newBuilder().setIntValue(i).build();
    }

    static AnyValue kvlist(KeyValue... values) {
        return AnyValue.newBuilder()
                .setKvlistValue(KeyValueList.newBuilder().addAllValues(List.of(values)))
                .build();
    }

    static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }
}
