package io.logflow.devstack.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Checks the {@code Authorization} header against the configured basic and bearer credentials. */
final class RequestAuthenticator {

    private final List<byte[]> accepted = new ArrayList<>();
    private final String challenge;

    /** Either credential may be null; with both null every request is accepted. */
    RequestAuthenticator(String basicUser, String basicPassword, String bearerToken) {
        if (basicUser != null) {
            String token = basicUser + ":" + basicPassword;
            accepted.add(bytes("Basic " + Base64.getEncoder().encodeToString(bytes(token))));
        }
        if (bearerToken != null) {
            accepted.add(bytes("Bearer " + bearerToken));
        }
        this.challenge = basicUser != null ? "Basic realm=\"dev-schema-registry\"" : "Bearer";
    }

    boolean isAuthorized(String authorizationHeader) {
        if (accepted.isEmpty()) {
            return true;
        }
        if (authorizationHeader == null) {
            return false;
        }
        byte[] presented = bytes(authorizationHeader.trim());
        boolean match = false;
        for (byte[] credential : accepted) {
            // Constant-time, and no early exit, so timing does not leak which one nearly matched.
            match |= MessageDigest.isEqual(credential, presented);
        }
        return match;
    }

    /** The {@code WWW-Authenticate} value sent with a 401. */
    String challenge() {
        return challenge;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
