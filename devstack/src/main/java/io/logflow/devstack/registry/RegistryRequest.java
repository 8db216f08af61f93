package io.logflow.devstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** One request as a route sees it: decoded path parameters, query parameters and JSON body. */
final class RegistryRequest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final byte[] body;

    RegistryRequest(Map<String, String> pathParams, Map<String, String> query, byte[] body) {
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    /** A path parameter that must be an int; a 404 otherwise, as a JAX-RS server answers. */
    int intPath(String name) {
        try {
            return Integer.parseInt(pathParams.get(name));
        } catch (NumberFormatException e) {
            throw RegistryError.httpNotFound();
        }
    }

    /** Whether the query parameter is {@code true}, case-insensitively. */
    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    /**
     * The body as a JSON object; an empty object for an empty body, so each route reports the field
     * it misses in its own terms.
     *
     * @throws RegistryError 400 if the body is not a JSON object
     */
    JsonNode json() {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistryError.badRequest(
                    "Malformed JSON in request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryError.badRequest("Unreadable request body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw RegistryError.badRequest("Request body must be a JSON object");
        }
        return node;
    }

    /** The body's text field, or null if absent or not text. */
    String text(String field) {
        JsonNode value = json().get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
