package io.logflow.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {

    @Test
    void theOptionsBuildTheClientConfigAndDefaultToTheDevRegistry() {
        RegistryClientConfig defaults = RegistryOptions.clientConfig(new Configuration());
        assertThat(defaults.urls()).isEqualTo(List.of("http://localhost:8085"));
        assertThat(defaults.autoRegister()).isTrue();
        assertThat(defaults.basicAuthUser()).isNull();

        Configuration c = new Configuration();
        c.set(RegistryOptions.URL, "https://a:8081,https://b:8081");
        c.set(RegistryOptions.BASIC_AUTH, "alice:s3:cret");
        c.set(RegistryOptions.AUTO_REGISTER, false);
        RegistryClientConfig config = RegistryOptions.clientConfig(c);
        assertThat(config.urls()).containsExactly("https://a:8081", "https://b:8081");
        assertThat(config.basicAuthUser()).isEqualTo("alice");
        assertThat(config.basicAuthPassword()).isEqualTo("s3:cret");
        assertThat(config.autoRegister()).isFalse();
    }

    @Test
    void aBasicAuthWithoutAColonNamesTheKeyAndHidesTheValue() {
        Configuration c = new Configuration();
        c.set(RegistryOptions.BASIC_AUTH, "hunter2");
        assertThatThrownBy(() -> RegistryOptions.clientConfig(c))
                .hasMessage(
                        "Invalid value '******' for 'registry.basic-auth': expected user:password");
    }
}
