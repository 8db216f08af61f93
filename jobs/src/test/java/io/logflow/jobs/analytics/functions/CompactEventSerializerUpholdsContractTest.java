package io.logflow.jobs.analytics.functions;

import io.logflow.devstack.events.SampleEvents;
import io.logflow.schema.LogEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/** Flink's own serializer contract suite for the compact event, with and without an origin. */
class CompactEventSerializerUpholdsContractTest extends SerializerTestBase<CompactEvent> {

    CompactEventSerializerUpholdsContractTest() {
        // The event has no equals of its own: equal when every field is.
        super(
                new DeeplyEqualsChecker()
                        .withCustomCheck(
                                (a, b) -> a instanceof CompactEvent && b instanceof CompactEvent,
                                (a, b, checker) -> same((CompactEvent) a, (CompactEvent) b)));
    }

    private static boolean same(CompactEvent a, CompactEvent b) {
        return a.timestamp == b.timestamp
                && Objects.equals(a.service, b.service)
                && Objects.equals(a.host, b.host)
                && a.level == b.level
                && Objects.equals(a.message, b.message)
                && a.http == b.http
                && Objects.equals(a.path, b.path)
                && a.status == b.status
                && Double.compare(a.latencyMs, b.latencyMs) == 0
                && a.responseBytes == b.responseBytes
                && Objects.equals(a.clientIp, b.clientIp)
                && Objects.equals(a.method, b.method)
                && Objects.equals(a.userAgent, b.userAgent)
                && same(a.origin, b.origin);
    }

    private static boolean same(ShuffledEvent a, ShuffledEvent b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.service, b.service)
                && a.timestamp == b.timestamp
                && Arrays.equals(a.value, b.value)
                && Objects.equals(a.topic, b.topic)
                && a.partition == b.partition
                && a.offset == b.offset
                && a.recordTimestamp == b.recordTimestamp
                && Arrays.equals(a.key, b.key);
    }

    @Override
    protected TypeSerializer<CompactEvent> createSerializer() {
        return CompactEventSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CompactEvent> getTypeClass() {
        return CompactEvent.class;
    }

    @Override
    protected CompactEvent[] getTestData() {
        List<CompactEvent> out = new ArrayList<>();
        int i = 0;
        for (LogEvent e : SampleEvents.varied(40)) {
            CompactEvent c = CompactEvent.of(e);
            if (c.http && i % 3 == 1) {
                c.userAgent = "curl/8." + i;
                c.method = i % 2 == 0 ? "PROPFIND" : null;
            }
            if (i++ % 2 == 0) {
                c.origin =
                        new ShuffledEvent(
                                c.service,
                                c.timestamp,
                                new byte[] {0, 0, 0, 0, 1, (byte) i},
                                "logs",
                                i % 3,
                                i * 10L,
                                c.timestamp + 1,
                                i % 4 == 0 ? null : new byte[] {(byte) i});
            }
            out.add(c);
        }
        return out.toArray(new CompactEvent[0]);
    }
}
