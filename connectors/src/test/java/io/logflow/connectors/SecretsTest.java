package io.logflow.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void inlineKeysCertificatesAndJaasAreMaskedWhole() {
        assertThat(Secrets.mask("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----\nMIIE..."))
                .isEqualTo("******");
        assertThat(Secrets.mask("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----"))
                .isEqualTo("******");
        assertThat(Secrets.mask("ssl.keystore.certificate.chain", "-----BEGIN CERTIFICATE-----"))
                .isEqualTo("******");
        assertThat(Secrets.mask("sasl.jaas.config", "ScramLoginModule required password=\"x\";"))
                .isEqualTo("******");
        assertThat(Secrets.mask("registry.basic-auth", "svc:hunter2")).isEqualTo("svc:******");
        assertThat(Secrets.mask("ssl.keystore.type", "PKCS12")).isEqualTo("PKCS12");
    }

    @Test
    void passwordsInsideUrlsAreMaskedWhereverTheyAppear() {
        assertThat(Secrets.mask("registry.url", "https://svc:hunter2@registry:8081/a"))
                .isEqualTo("https://svc:******@registry:8081/a");
        assertThat(
                        Secrets.maskUrls(
                                "Schema registry unreachable at [http://u:p%40ss@r1:8081,"
                                        + " http://r2:8081]"))
                .isEqualTo(
                        "Schema registry unreachable at [http://u:******@r1:8081, http://r2:8081]");
        assertThat(Secrets.maskUrls("mail me at someone@example.com"))
                .isEqualTo("mail me at someone@example.com");
    }
}
