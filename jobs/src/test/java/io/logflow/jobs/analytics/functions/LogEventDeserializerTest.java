package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.registry.RegistryException;
import io.logflow.schema.DeadLetter;
import io.logflow.schema.DeadLetterReason;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records that fail before or without a registry answer; the ITCases cover the rest. */
class LogEventDeserializerTest {

    private static LogEventDeserializer deserializer(int registryPort, Duration outage) {
        return new LogEventDeserializer(
                RegistryClientConfig.builder("http://127.0.0.1:" + registryPort)
                        .maxAttempts(1)
                        .build(),
                1024 * 1024,
                64 * 1024,
                new EventTimeRules(
                        Instant.parse("2000-01-01T00:00:00Z"),
                        Duration.ofDays(1),
                        Duration.ofMinutes(15)),
                outage);
    }

    private static List<DecodedRecord> run(LogEventDeserializer d, byte[] key, byte[] value)
            throws Exception {
        return run(d, new ConsumerRecord<>("logs", 1, 42L, key, value));
    }

    /** Everything {@code d} emits for {@code record}; shared with {@link HostileInputTest}. */
    static List<DecodedRecord> run(LogEventDeserializer d, ConsumerRecord<byte[], byte[]> record)
            throws Exception {
        List<DecodedRecord> out = new ArrayList<>();
        d.deserialize(
                record,
                new Collector<>() {
                    @Override
                    public void collect(DecodedRecord r) {
                        out.add(r);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void nullValueBecomesADeadLetterWithItsOrigin() throws Exception {
        byte[] key = "checkout".getBytes(StandardCharsets.UTF_8);
        List<DecodedRecord> out = run(deserializer(9, Duration.ZERO), key, null);
        assertThat(out).hasSize(1);
        DeadLetter letter = out.get(0).deadLetter;
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.NULL_VALUE);
        assertThat(letter.getTopic()).isEqualTo("logs");
        assertThat(letter.getPartition()).isEqualTo(1);
        assertThat(letter.getOffset()).isEqualTo(42L);
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(key));
        assertThat(letter.getValue()).isNull();
    }

    @Test
    void wrongMagicByteBecomesAMalformedDeadLetter() throws Exception {
        List<DecodedRecord> out = run(deserializer(9, Duration.ZERO), null, "hello".getBytes());
        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.event).isNull();
                            assertThat(r.deadLetter.getReason())
                                    .isEqualTo(DeadLetterReason.MALFORMED);
                            assertThat(r.deadLetter.getDetail()).contains("magic byte 0x68");
                            assertThat(r.deadLetter.getSchemaId()).isNull();
                        });
    }

    @Test
    void unreachableRegistryIsRetriedThenFailsTheJobInsteadOfDeadLettering() throws Exception {
        // A "registry" that accepts connections and hangs up at once, counting the attempts.
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket broken = new ServerSocket(0)) {
            Thread acceptor =
                    new Thread(
                            () -> {
                                while (!broken.isClosed()) {
                                    try (Socket s = broken.accept()) {
                                        attempts.incrementAndGet();
                                    } catch (IOException closed) {
                                        return;
                                    }
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
            LogEventDeserializer d = deserializer(broken.getLocalPort(), Duration.ofMillis(1200));
            assertThatThrownBy(() -> run(d, null, new byte[] {0, 0, 0, 0, 7, 2, 4}))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("schema id 7")
                    .hasMessageContaining("unreachable");
        }
        // It kept trying through the outage timeout rather than giving up at the first failure.
        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
    }
}
