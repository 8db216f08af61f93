package io.logflow.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RegistryArgsTest {

    private static RegistrySettings settings(String... args) {
        return RegistryArgs.parse(args).build().settings();
    }

    @Test
    void parsesOptionsWithDefaults() {
        assertThat(settings("--kafka", "broker:9092"))
                .isEqualTo(
                        new RegistrySettings(
                                "broker:9092",
                                "127.0.0.1",
                                8085,
                                "_schemas",
                                null,
                                null,
                                null,
                                Duration.ofSeconds(30)));
        assertThat(
                        settings(
                                "--port",
                                "0",
                                "--kafka",
                                "k:1",
                                "--host",
                                "0.0.0.0",
                                "--topic",
                                "_s",
                                "--basic-auth",
                                "u:p:w",
                                "--bearer-token",
                                "t"))
                .isEqualTo(
                        new RegistrySettings(
                                "k:1",
                                "0.0.0.0",
                                0,
                                "_s",
                                "u",
                                "p:w",
                                "t",
                                Duration.ofSeconds(30)));
    }

    @Test
    void failsNamingTheOffendingOption() {
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--port", "1"}))
                .hasMessage("Missing required option 'kafka'");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--kafka"}))
                .hasMessage("Option 'kafka' needs a value");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--kafka", "k:1", "--prot", "1"}))
                .hasMessage(
                        "Unknown option 'prot'. Known options: basic-auth, bearer-token, host,"
                                + " kafka, port, topic");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--kafka=k:1", "--port=eighty"}))
                .hasMessage("Invalid value for 'port': 'eighty'; expected a whole number");
        assertThatThrownBy(() -> settings("--kafka", "k:1", "--basic-auth", "hunter2"))
                .hasMessage("Invalid value for 'basic-auth': expected user:password");
        assertThatThrownBy(() -> settings("--kafka", "k:1", "--port", "70000"))
                .hasMessage("port must be between 0 and 65535 but is 70000");
    }

    @Test
    void usageComesFromTheOptions() {
        assertThat(RegistryArgs.ARGS.usage())
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: DevSchemaRegistry [--key value]...",
                                "  --kafka VALUE         Kafka host:port. Required.",
                                "  --port N              Port to listen on. Default: 8085.",
                                "  --host VALUE          Address to listen on. Default: 127.0.0.1.",
                                "  --topic VALUE         Compacted topic the schemas are kept in."
                                        + " Default: _schemas.",
                                "  --basic-auth VALUE    user:password that requests must send.",
                                "  --bearer-token VALUE  Token that requests must send."));
    }

    @Test
    void builderNamesTheMissingPropertyAndMasksSecrets() {
        assertThatThrownBy(() -> DevSchemaRegistry.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafkaBootstrap must be set");
        assertThat(settings("--kafka", "k:1", "--basic-auth", "u:secret", "--bearer-token", "tok"))
                .hasToString(
                        "kafkaBootstrap=k:1, host=127.0.0.1, port=8085, topic=_schemas,"
                                + " basicAuth=u:****, bearerToken=****, https=off");
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "ignored:1");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.jaas.config", "ScramLoginModule required password=\"scram-secret\";");
        kafka.put("ssl.truststore.password", "store-secret");
        assertThat(
                        DevSchemaRegistry.builder()
                                .kafkaBootstrap("k:1")
                                .kafkaProperties(kafka)
                                .build()
                                .settings())
                .hasToString(
                        "kafkaBootstrap=k:1, host=127.0.0.1, port=0, topic=_schemas,"
                                + " basicAuth=off, bearerToken=off, https=off, kafkaProperties="
                                + "{sasl.jaas.config=******, security.protocol=SASL_SSL,"
                                + " ssl.truststore.password=******}");
    }
}
