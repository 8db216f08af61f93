package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.RegistryHttpClient.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the registry behaves when Kafka is not there: bounded, clear failures, never hangs. */
class DevSchemaRegistryKafkaDownITCase {

    /** Long past any configured timeout: only a hang takes this long. */
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir Path dataDir;

    @Test
    void startNamesTheUnreachableBootstrapServersWithinTheTimeout() throws IOException {
        String bootstrap;
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress("127.0.0.1", 0));
            bootstrap = "127.0.0.1:" + free.getLocalPort();
        }
        DevSchemaRegistry registry =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(bootstrap)
                        .startupTimeout(Duration.ofSeconds(3))
                        .build();

        // A deadline for the failure to arrive at all (no hang), not a measure of its speed.
        assertTimeoutPreemptively(
                HANG,
                () ->
                        assertThatThrownBy(registry::start)
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageStartingWith(
                                        "Cannot reach Kafka at "
                                                + bootstrap
                                                + " to read schema topic _schemas"
                                                + " within 3 s"));
        registry.close();
    }

    @Test
    void writesFailWith50001WhileTheBrokerIsDownAndWorkAgainAfter() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build().start();
                DevSchemaRegistry registry =
                        DevSchemaRegistry.builder()
                                .kafkaBootstrap(kafka.bootstrapServers())
                                .build()
                                .start()) {
            RegistryHttpClient client = new RegistryHttpClient(registry.url());
            assertThat(client.postSchema("/subjects/a/versions", "\"int\"").body())
                    .isEqualTo("{\"id\":1}");

            kafka.stop();
            Response failed =
                    assertTimeoutPreemptively(
                            HANG, () -> client.postSchema("/subjects/a/versions", "\"long\""));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("error_code").asInt()).isEqualTo(50001);
            assertThat(failed.json().get("message").asText())
                    .startsWith("Error in the backend data store: ");
            // Reads are served from memory, which holds only acknowledged writes.
            assertThat(client.get("/subjects/a/versions").body()).isEqualTo("[1]");

            kafka.start();
            assertThat(client.postSchema("/subjects/b/versions", "\"long\"").body())
                    .isEqualTo("{\"id\":2}");
        }
    }
}
