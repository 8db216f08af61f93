package io.logflow.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

    @Test
    void readsConfluentPropertyNames() {
        RegistryClientConfig config =
                RegistryClientConfig.fromProperties(
                        Map.of(
                                "schema.registry.url", "http://a:8081/, http://b:8081",
                                "basic.auth.user.info", "alice:s3cr:et",
                                "auto.register.schemas", "false",
                                "value.subject.name.strategy",
                                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"));

        assertThat(config.urls()).containsExactly("http://a:8081", "http://b:8081");
        assertThat(config.basicAuthUser()).isEqualTo("alice");
        assertThat(config.basicAuthPassword()).isEqualTo("s3cr:et");
        assertThat(config.autoRegister()).isFalse();
        assertThat(config.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    }

    @Test
    void toStringMasksSecrets() {
        String text =
                RegistryClientConfig.builder("http://r:8085")
                        .basicAuth("alice", "hunter2")
                        .build()
                        .toString();
        assertThat(text).contains("alice").doesNotContain("hunter2");
        assertThat(RegistryClientConfig.builder("http://r").bearerToken("tok-123").build())
                .asString()
                .doesNotContain("tok-123");
    }

    @Test
    void rejectsWrongConfigWithTheKeyOrValueNamed() {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of()))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.builder("localhost:8085"))
                .hasMessageContaining("localhost:8085")
                .hasMessageContaining("http://");
        assertThatThrownBy(
                        () ->
                                RegistryClientConfig.builder("http://r")
                                        .basicAuth("u", "p")
                                        .bearerToken("t")
                                        .build())
                .hasMessageContaining("not both");
        assertThatThrownBy(
                        () ->
                                RegistryClientConfig.fromProperties(
                                        Map.of(
                                                "schema.registry.url", "http://r",
                                                "basic.auth.user.info", "nocolon")))
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> RegistryClientConfig.builder("http://r").maxAttempts(0).build())
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void isJavaSerializable() throws Exception {
        RegistryClientConfig config = RegistryClientConfig.builder("http://r:1").build();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(config);
        }
        assertThat(config.urls()).isEqualTo(List.of("http://r:1"));
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndNeverShow() {
        RegistryClientConfig config =
                RegistryClientConfig.builder("https://svc:hunter2@registry:8081/").build();
        assertThat(config.urls()).containsExactly("https://registry:8081");
        assertThat(config.toString()).contains("basicAuth=svc:******").doesNotContain("hunter2");
        assertThat(
                        org.assertj.core.api.Assertions.catchThrowable(
                                () -> RegistryClientConfig.builder("ftp://svc:hunter2@registry")))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("ftp://svc:******@registry");
    }
}
