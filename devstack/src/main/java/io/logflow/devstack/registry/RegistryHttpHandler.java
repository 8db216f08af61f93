package io.logflow.devstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts JDK {@code HttpServer} exchanges to the routes: auth, media types, JSON and errors. */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ACCEPTED_TYPES =
            Set.of(
                    CONTENT_TYPE,
                    "application/vnd.schemaregistry+json",
                    "application/json",
                    "application/octet-stream");

    private final RegistryRoutes routes;

    /** Far above any real schema (Confluent's largest are some hundred KB). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final RequestAuthenticator authenticator;

    RegistryHttpHandler(RegistryRoutes routes, RequestAuthenticator authenticator) {
        this.routes = routes;
        this.authenticator = authenticator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try {
            status = respond(exchange);
        } finally {
            exchange.close();
        }
        LOG.debug(
                "{} {} -> {} in {} ms",
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                status,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int respond(HttpExchange exchange) throws IOException {
        int status;
        byte[] body;
        try {
            Object result = route(exchange);
            status = 200;
            body =
                    result instanceof RegistryResources.RawJson raw
                            ? raw.json().getBytes(StandardCharsets.UTF_8)
                            : MAPPER.writeValueAsBytes(result);
        } catch (RegistryError e) {
            status = e.httpStatus();
            body = error(e.errorCode(), e.getMessage());
            if (status == 500) {
                LOG.warn(
                        "{} {} failed: {}",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        e.getMessage());
            } else if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", authenticator.challenge());
            }
        } catch (RuntimeException e) {
            // A bug, not a client error: log the trace here, keep it out of the response.
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            status = 500;
            body = error(500, "Internal Server Error");
        }
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        return status;
    }

    private Object route(HttpExchange exchange) throws IOException {
        if (!authenticator.isAuthorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw RegistryError.unauthorized();
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        byte[] body = new byte[0];
        if (method.equals("POST") || method.equals("PUT")) {
            checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
            try (InputStream in = exchange.getRequestBody()) {
                // Read one byte past the cap: a body that long is refused without holding it all.
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw RegistryError.payloadTooLarge(MAX_BODY_BYTES);
            }
        }
        return routes.dispatch(
                method,
                segments(exchange.getRequestURI().getRawPath()),
                query(exchange.getRequestURI().getRawQuery()),
                body);
    }

    private static void checkContentType(String header) {
        if (header == null) {
            return;
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !ACCEPTED_TYPES.contains(type)) {
            throw RegistryError.unsupportedMediaType();
        }
    }

    /** Splits and decodes a raw path; {@code %2F} stays inside its segment, {@code +} is a plus. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return segments;
        }
        for (String segment : trimmed.split("/", -1)) {
            segments.add(decode(segment));
        }
        return segments;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                query.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8).trim(),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw RegistryError.badRequest("Malformed percent-encoding in query " + pair);
            }
        }
        return query;
    }

    private static String decode(String segment) {
        try {
            // URLDecoder is a form decoder: protect '+', which is literal in a path.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryError.badRequest("Malformed percent-encoding in path segment " + segment);
        }
    }

    private static byte[] error(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", code);
        error.put("message", message);
        try {
            return MAPPER.writeValueAsBytes(error);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise an error response", e);
        }
    }
}
