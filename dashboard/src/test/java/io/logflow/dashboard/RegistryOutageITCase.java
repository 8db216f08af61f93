package io.logflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.devstack.junit.KafkaExtension;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.schema.WindowStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Results the dashboard cannot decode because the schema registry is down are held, said so on the
 * status, and read once it answers again: none is skipped.
 */
class RegistryOutageITCase {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void resultsWrittenWhileTheRegistryIsDownAreReadWhenItIsBack() throws Exception {
        String topic = KAFKA.createTopic("log-metrics", 1);
        DevSchemaRegistry registry =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(KAFKA.bootstrapServers())
                        .build()
                        .start();
        int port = registry.port();
        String url = registry.url();
        RegistryClientConfig config = RegistryClientConfig.builder(url).build();
        var serializer = ConfluentAvroSerdes.valueSerializer(WindowStats.class, topic, config);
        Instant start =
                Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            values.add(
                    serializer.serialize(
                            WindowStats.newBuilder(Results.window("checkout", 0, 10 + i, 0))
                                    .setWindowStart(start.plusSeconds(10L * i))
                                    .setWindowEnd(start.plusSeconds(10L * i + 10))
                                    .build()));
        }
        KAFKA.sendValues(topic, values);
        registry.close();

        // Its own client, as in its own process: the producer's client has the schema cached.
        RegistryClientConfig dashboardRegistry =
                RegistryClientConfig.builder(url).connectTimeout(Duration.ofSeconds(2)).build();
        try (DashboardServer dashboard =
                DashboardServer.builder()
                        .kafkaBootstrap(KAFKA.bootstrapServers())
                        .registry(dashboardRegistry)
                        .topic(topic)
                        .port(0)
                        .build()
                        .start()) {
            JsonNode down =
                    awaitStatus(
                            dashboard,
                            s -> s.path("registry").path("state").asText().equals("down"));
            assertThat(down.path("registry").path("error").asText())
                    .startsWith("Cannot reach the schema registry at " + url)
                    .endsWith("new results wait and are read as soon as it answers");
            assertThat(dashboard.store().size()).as("nothing decoded, nothing skipped").isZero();

            DevSchemaRegistry again =
                    DevSchemaRegistry.builder()
                            .kafkaBootstrap(KAFKA.bootstrapServers())
                            .port(port)
                            .build()
                            .start();
            try {
                JsonNode back =
                        awaitStatus(
                                dashboard,
                                s ->
                                        s.path("registry").path("state").asText().equals("ok")
                                                && s.path("services").asInt() == 1);
                assertThat(back.path("registry").path("error").isNull()).isTrue();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (dashboard.store().size() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(dashboard.store().series("checkout", "tumbling-10s", start))
                        .extracting(WindowStats::getCount)
                        .containsExactly(10L, 11L, 12L, 13L, 14L);
            } finally {
                again.close();
            }
        }
    }

    private static JsonNode awaitStatus(DashboardServer dashboard, Predicate<JsonNode> until)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(URI.create(dashboard.url() + "/api/status"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            status = JSON.readTree(r.body());
            if (until.test(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("status never matched; last: " + status);
    }
}
