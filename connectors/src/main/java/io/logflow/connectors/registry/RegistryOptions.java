package io.logflow.connectors.registry;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.Defaults;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The schema-registry client's options ({@code registry.*}), each with its one default, for every
 * tool that talks to a registry; {@link #clientConfig} reads them.
 */
public final class RegistryOptions {

    private RegistryOptions() {}

    public static final ConfigOption<String> URL =
            key("registry.url")
                    .stringType()
                    .defaultValue(Defaults.REGISTRY_URL)
                    .withDescription("Schema registry URL(s), comma separated.");

    public static final ConfigOption<String> BASIC_AUTH =
            key("registry.basic-auth")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("user:password for the schema registry.");

    public static final ConfigOption<String> BEARER_TOKEN =
            key("registry.bearer-token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Bearer token for the schema registry.");

    public static final ConfigOption<String> TRUSTSTORE =
            key("registry.truststore.location")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Trust store (PKCS12 or JKS) for an https registry.");

    public static final ConfigOption<String> TRUSTSTORE_PASSWORD =
            key("registry.truststore.password")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Password of the registry trust store.");

    public static final ConfigOption<String> TRUSTSTORE_TYPE =
            key("registry.truststore.type")
                    .stringType()
                    .defaultValue("PKCS12")
                    .withDescription("PKCS12 or JKS.");

    public static final ConfigOption<Boolean> AUTO_REGISTER =
            key("registry.auto-register")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Register output schemas; false only looks them up.");

    /** Every option of this class. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                URL,
                BASIC_AUTH,
                BEARER_TOKEN,
                TRUSTSTORE,
                TRUSTSTORE_PASSWORD,
                TRUSTSTORE_TYPE,
                AUTO_REGISTER);
    }

    /**
     * The client settings of {@code config}; a malformed value names its key and never shows a
     * secret.
     */
    public static RegistryClientConfig clientConfig(ReadableConfig config) {
        RegistryClientConfig.Builder b =
                RegistryClientConfig.builder(config.get(URL))
                        .autoRegister(config.get(AUTO_REGISTER));
        String basic = config.get(BASIC_AUTH);
        if (basic != null) {
            int colon = basic.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "Invalid value '******' for '"
                                + BASIC_AUTH.key()
                                + "': expected user:password");
            }
            b.basicAuth(basic.substring(0, colon), basic.substring(colon + 1));
        }
        String token = config.get(BEARER_TOKEN);
        if (token != null) {
            b.bearerToken(token);
        }
        String trustStore = config.get(TRUSTSTORE);
        if (trustStore != null) {
            b.trustStore(trustStore, config.get(TRUSTSTORE_PASSWORD), config.get(TRUSTSTORE_TYPE));
        }
        return b.build();
    }
}
