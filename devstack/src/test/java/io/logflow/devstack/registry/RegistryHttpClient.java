package io.logflow.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw {@code java.net.http} calls against a registry, the way a client library makes them. */
final class RegistryHttpClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One response: status, body text, and the body parsed as JSON. */
    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Response is not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    RegistryHttpClient(String baseUrl) {
        this(baseUrl, null);
    }

    RegistryHttpClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    RegistryHttpClient withAuthorization(String authorization) {
        return new RegistryHttpClient(baseUrl, authorization);
    }

    Response get(String path) {
        return send("GET", path, null, CONTENT_TYPE);
    }

    Response delete(String path) {
        return send("DELETE", path, null, CONTENT_TYPE);
    }

    Response post(String path, String body) {
        return send("POST", path, body, CONTENT_TYPE);
    }

    Response put(String path, String body) {
        return send("PUT", path, body, CONTENT_TYPE);
    }

    /** Posts {@code {"schema": <schema>}}. */
    Response postSchema(String path, String schema) {
        return post(path, json(Map.of("schema", schema)));
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", CONTENT_TYPE)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
