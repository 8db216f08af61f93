package io.logflow.devstack.registry;

/** Parses {@link DevSchemaRegistry#main} arguments into a builder, failing on the first bad one. */
final class RegistryArgs {

    static final int DEFAULT_PORT = 8085;
    static final String USAGE =
            "Usage: DevSchemaRegistry --kafka host:port [--port 8085] [--host 127.0.0.1]"
                    + " [--topic _schemas] [--basic-auth user:password] [--bearer-token token]";

    private RegistryArgs() {}

    /**
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or is
     *     missing
     */
    static DevSchemaRegistryBuilder parse(String[] args) {
        DevSchemaRegistryBuilder builder = DevSchemaRegistry.builder().port(DEFAULT_PORT);
        boolean kafkaSet = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value. " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--kafka":
                    builder.kafkaBootstrap(value);
                    kafkaSet = true;
                    break;
                case "--port":
                    builder.port(parsePort(value));
                    break;
                case "--host":
                    builder.host(value);
                    break;
                case "--topic":
                    builder.topic(value);
                    break;
                case "--basic-auth":
                    int colon = value.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException(
                                "Option --basic-auth needs user:password. " + USAGE);
                    }
                    builder.basicAuth(value.substring(0, colon), value.substring(colon + 1));
                    break;
                case "--bearer-token":
                    builder.bearerToken(value);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option + ". " + USAGE);
            }
        }
        if (!kafkaSet) {
            throw new IllegalArgumentException("Missing required option --kafka. " + USAGE);
        }
        return builder;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --port needs a number, not " + value, e);
        }
    }
}
