package io.logflow.devstack.registry;

import java.time.Duration;

/** The validated, immutable settings a {@link DevSchemaRegistry} runs with. */
record RegistrySettings(
        String kafkaBootstrap,
        String host,
        int port,
        String topic,
        String basicUser,
        String basicPassword,
        String bearerToken,
        Duration startupTimeout) {

    RequestAuthenticator authenticator() {
        return new RequestAuthenticator(basicUser, basicPassword, bearerToken);
    }

    /** The effective settings with secrets masked, fit for a startup log line. */
    @Override
    public String toString() {
        return "kafkaBootstrap="
                + kafkaBootstrap
                + ", host="
                + host
                + ", port="
                + port
                + ", topic="
                + topic
                + ", basicAuth="
                + (basicUser == null ? "off" : basicUser + ":****")
                + ", bearerToken="
                + (bearerToken == null ? "off" : "****");
    }
}
