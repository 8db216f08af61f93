package io.logflow.devstack.registry;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.logflow.connectors.config.ToolArgs;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The {@link DevSchemaRegistry#main} options, parsed into a builder. */
final class RegistryArgs {

    static final ConfigOption<String> KAFKA =
            key("kafka").stringType().noDefaultValue().withDescription("Kafka host:port.");
    static final ConfigOption<Integer> PORT =
            key("port").intType().defaultValue(8085).withDescription("Port to listen on.");
    static final ConfigOption<String> HOST =
            key("host")
                    .stringType()
                    .defaultValue("127.0.0.1")
                    .withDescription("Address to listen on.");
    static final ConfigOption<String> TOPIC =
            key("topic")
                    .stringType()
                    .defaultValue("_schemas")
                    .withDescription("Compacted topic the schemas are kept in.");
    static final ConfigOption<String> BASIC_AUTH =
            key("basic-auth")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("user:password that requests must send.");
    static final ConfigOption<String> BEARER_TOKEN =
            key("bearer-token")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Token that requests must send.");

    static final ToolArgs ARGS =
            ToolArgs.of("DevSchemaRegistry", KAFKA, PORT, HOST, TOPIC, BASIC_AUTH, BEARER_TOKEN)
                    .required(KAFKA);

    private RegistryArgs() {}

    /**
     * @throws IllegalArgumentException naming the option that is wrong or missing
     */
    static DevSchemaRegistryBuilder parse(String[] args) {
        Configuration conf = ARGS.parse(args);
        DevSchemaRegistryBuilder builder =
                DevSchemaRegistry.builder()
                        .kafkaBootstrap(conf.get(KAFKA))
                        .port(conf.get(PORT))
                        .host(conf.get(HOST))
                        .topic(conf.get(TOPIC));
        conf.getOptional(BASIC_AUTH)
                .ifPresent(
                        auth -> {
                            int colon = auth.indexOf(':');
                            if (colon < 1) {
                                // Not the value: it may be the password alone.
                                throw ToolArgs.invalid(BASIC_AUTH, "expected user:password");
                            }
                            builder.basicAuth(auth.substring(0, colon), auth.substring(colon + 1));
                        });
        conf.getOptional(BEARER_TOKEN).ifPresent(builder::bearerToken);
        return builder;
    }
}
