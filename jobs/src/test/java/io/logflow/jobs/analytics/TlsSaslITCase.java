package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.FlinkMiniCluster;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.junit.SchemaRegistryExtension;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.kafka.SaslSsl;
import io.logflow.devstack.kafka.TopicReader;
import io.logflow.devstack.tls.DevCertificates;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analytics job against a broker whose only client listener is SASL_SSL (SCRAM-SHA-512) and a
 * registry that only speaks HTTPS with basic auth, configured through nothing but the job's
 * documented options; and proof that both refuse clients without the credentials.
 */
class TlsSaslITCase {

    private static final String MECHANISM = "SCRAM-SHA-512";
    private static final String KAFKA_USER = "logflow-app";
    private static final String KAFKA_PASSWORD = "scram-" + UUID.randomUUID();
    private static final String REGISTRY_USER = "registry-app";
    private static final String REGISTRY_PASSWORD = "basic-" + UUID.randomUUID();
    private static final DevCertificates CERTS = DevCertificates.generateTemporary();

    @RegisterExtension
    @Order(1)
    static final KafkaExtension KAFKA =
            new KafkaExtension(
                    EmbeddedKafka.builder()
                            .saslSsl(new SaslSsl(MECHANISM, KAFKA_USER, KAFKA_PASSWORD, CERTS)));

    @RegisterExtension
    @Order(2)
    static final SchemaRegistryExtension REGISTRY =
            new SchemaRegistryExtension(
                    KAFKA,
                    b ->
                            b.https(CERTS.serverContext())
                                    .basicAuth(REGISTRY_USER, REGISTRY_PASSWORD));

    @RegisterExtension
    @Order(3)
    static final MiniClusterExtension FLINK = FlinkMiniCluster.extension(2);

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration REFUSED_WAIT = Duration.ofSeconds(4);
    private static final int CHECKOUT_EVENTS = 20;
    private static final int PAYMENTS_EVENTS = 7;

    @Test
    void jobCountsExactlyOverSaslSslAndHttps() throws Exception {
        TestAnalyticsJob analytics =
                TestAnalyticsJob.on(KAFKA, REGISTRY, 1)
                        .set("kafka.properties.security.protocol", "SASL_SSL")
                        .set("kafka.properties.sasl.mechanism", MECHANISM)
                        .set("kafka.properties.sasl.jaas.config", jaas(KAFKA_PASSWORD))
                        .set(
                                "kafka.properties.ssl.truststore.location",
                                CERTS.trustStore().toString())
                        .set("kafka.properties.ssl.truststore.password", CERTS.password())
                        .set("kafka.properties.ssl.truststore.type", "PKCS12")
                        .set("registry.basic-auth", REGISTRY_USER + ":" + REGISTRY_PASSWORD)
                        .set("registry.truststore.location", CERTS.trustStore().toString())
                        .set("registry.truststore.password", CERTS.password())
                        .set("registry.truststore.type", "PKCS12")
                        .set("windows", "tumbling:1m")
                        .set("patterns.enabled", "false")
                        .set("alerts.enabled", "false")
                        .set("execution.checkpointing.interval", "300ms");
        String in = analytics.input();
        String metrics = analytics.metrics();
        assertNoSecretIn(analytics.config().describe());
        JobClient job = analytics.submit();
        try {
            List<LogEvent> events = new ArrayList<>();
            for (int i = 0; i < CHECKOUT_EVENTS; i++) {
                events.add(event("checkout", i * 2, i % 4 == 0 ? Level.ERROR : Level.INFO));
            }
            for (int i = 0; i < PAYMENTS_EVENTS; i++) {
                events.add(event("payments", 1 + i * 8, Level.WARN));
            }
            // At +70 s the watermark passes T0+1m and closes the first window, and only it.
            events.add(event("checkout", 70, Level.INFO));
            send(in, events);

            List<WindowStats> results = results(metrics, 2);
            assertThat(results)
                    .extracting(
                            WindowStats::getService,
                            WindowStats::getWindowStart,
                            WindowStats::getCount)
                    .containsExactly(
                            tuple("checkout", T0, (long) CHECKOUT_EVENTS),
                            tuple("payments", T0, (long) PAYMENTS_EVENTS));
            assertThat(results.get(0).getLevelCounts())
                    .containsExactlyInAnyOrderEntriesOf(levels(5, 15, 0));
            assertThat(results.get(1).getLevelCounts())
                    .containsExactlyInAnyOrderEntriesOf(levels(0, 0, 7));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void brokerRefusesClientsWithoutScramOverTls() throws Exception {
        String topic = KAFKA.createTopic("secured", 1);
        KAFKA.sendValues(topic, List.of("one".getBytes(StandardCharsets.UTF_8)));
        assertThat(KAFKA.read(topic, 1, WAIT))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("one");

        // Plaintext to the SASL_SSL port: no handshake ever completes, so nothing is read.
        assertThat(TopicReader.readCommitted(KAFKA.bootstrapServers(), topic, 1, REFUSED_WAIT))
                .isEmpty();
        // TLS with the right CA but no SASL login: still nothing.
        Properties tlsOnly = client(Map.of("security.protocol", "SSL"));
        assertThat(TopicReader.readCommitted(tlsOnly, topic, 1, REFUSED_WAIT)).isEmpty();
        // The right user with a wrong password is told so.
        Properties wrongPassword = client(Map.of("sasl.jaas.config", jaas("not-the-password")));
        assertThatThrownBy(() -> TopicReader.readCommitted(wrongPassword, topic, 1, REFUSED_WAIT))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("invalid credentials with SASL mechanism " + MECHANISM);
    }

    @Test
    void registryRefusesRequestsWithoutBasicAuthOrTls() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(CERTS.clientContext()).build();
        String subjects = REGISTRY.url() + "/subjects";
        assertThat(subjects).startsWith("https://127.0.0.1:");

        assertThat(get(trusting, subjects, null).statusCode()).isEqualTo(401);
        assertThat(get(trusting, subjects, REGISTRY_USER + ":wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get(trusting, subjects, REGISTRY_USER + ":" + REGISTRY_PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("[").endsWith("]");

        // Plain HTTP to the HTTPS port is answered with nothing HTTP can parse.
        String plain = subjects.replaceFirst("^https:", "http:");
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), plain, null))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        // The JDK's default trust does not know the test CA: the certificate is really checked.
        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), subjects, null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static void assertNoSecretIn(String described) {
        assertThat(described)
                .doesNotContain(KAFKA_PASSWORD)
                .doesNotContain(REGISTRY_PASSWORD)
                .doesNotContain(CERTS.password())
                .contains("kafka.properties.sasl.jaas.config = ******\n")
                .contains("kafka.properties.ssl.truststore.password = ******\n")
                .contains("registry.basic-auth = " + REGISTRY_USER + ":******\n")
                .contains("registry.truststore.password = ******\n");
    }

    private static HttpResponse<String> get(HttpClient client, String url, String basicAuth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (basicAuth != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SASL_SSL client settings with {@code changes} over them, for the refused clients. */
    private static Properties client(Map<String, String> changes) {
        Properties props = KAFKA.clientProperties();
        props.putAll(changes);
        return props;
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + KAFKA_USER
                + "\" password=\""
                + password
                + "\";";
    }

    private static RegistryClientConfig registryClient() {
        return REGISTRY.clientConfig()
                .basicAuth(REGISTRY_USER, REGISTRY_PASSWORD)
                .trustStore(CERTS.trustStore().toString(), CERTS.password(), "PKCS12")
                .build();
    }

    private static void send(String topic, List<LogEvent> events) {
        var serializer =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, topic, registryClient());
        KAFKA.sendValues(topic, events.stream().map(serializer::serialize).toList());
    }

    /** Exactly {@code expected} committed results, by service; extra ones fail the size check. */
    private static List<WindowStats> results(String topic, int expected) throws IOException {
        var reader =
                ConfluentAvroSerdes.valueDeserializer(WindowStats.class, topic, registryClient());
        List<WindowStats> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : KAFKA.read(topic, expected, WAIT)) {
            out.add(reader.deserialize(r.value()));
        }
        assertThat(out).hasSize(expected);
        out.sort(Comparator.comparing(WindowStats::getService));
        return out;
    }

    /** Every level is in the result, the unused ones as 0. */
    private static Map<String, Long> levels(long error, long info, long warn) {
        return Map.of(
                "TRACE", 0L, "DEBUG", 0L, "INFO", info, "WARN", warn, "ERROR", error, "FATAL", 0L);
    }

    private static LogEvent event(String service, int second, Level level) {
        return LogEvent.newBuilder()
                .setTimestamp(T0.plusSeconds(second))
                .setService(service)
                .setHost(service + "-1")
                .setLevel(level)
                .setMessage("handled at " + second)
                .setAttributes(Map.of())
                .build();
    }
}
