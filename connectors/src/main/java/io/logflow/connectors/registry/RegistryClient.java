package io.logflow.connectors.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API (the subset serializers need), with caching,
 * retries with backoff, timeouts, basic or bearer auth and TLS.
 *
 * <pre>{@code
 * RegistryClient client = new RegistryClient(RegistryClientConfig.builder(url).build());
 * int id = client.register("logs-value", LogEvent.getClassSchema());
 * Schema writer = client.getSchemaById(id);
 * }</pre>
 *
 * <p>Ids never change meaning in a registry, so id to schema is cached forever; subject and schema
 * to id is cached with a bound. Thread-safe.
 */
public final class RegistryClient {

    /** Confluent's content type; requests and responses use it. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
                    + " application/json; qs=0.5";

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final String authHeader;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectSchema;

    private static final Map<RegistryClientConfig, RegistryClient> SHARED =
            new ConcurrentHashMap<>();

    /**
     * The JVM's client for {@code config}: parallel operators on one TaskManager share its caches
     * and connections instead of each fetching the same schemas.
     */
    public static RegistryClient shared(RegistryClientConfig config) {
        return SHARED.computeIfAbsent(config, RegistryClient::new);
    }

    public RegistryClient(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER);
        if (config.trustStorePath() != null) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
        this.authHeader = authHeader(config);
        int capacity = config.subjectCacheCapacity();
        this.idsBySubjectSchema =
                java.util.Collections.synchronizedMap(
                        new LinkedHashMap<>(16, 0.75f, true) {
                            @Override
                            protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
                                return size() > capacity;
                            }
                        });
    }

    public RegistryClientConfig config() {
        return config;
    }

    /** The writer schema registered under {@code id}; fails with 40403 when it is unknown. */
    public Schema getSchemaById(int id) throws RegistryException {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode body = call("GET", "/schemas/ids/" + id, null, "fetching schema id " + id);
        Schema schema = parse(body, "schema id " + id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    public int register(String subject, Schema schema) throws RegistryException {
        String cacheKey = subject + '\0' + schema;
        Integer cached = idsBySubjectSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        JsonNode body =
                call(
                        "POST",
                        "/subjects/" + encode(subject) + "/versions",
                        schemaBody(schema),
                        "registering a schema under subject '" + subject + "'");
        int id = requiredInt(body, "id", "registering under subject '" + subject + "'");
        idsBySubjectSchema.put(cacheKey, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * Looks up {@code schema} under {@code subject}; empty when the subject or schema is absent.
     */
    public Optional<RegisteredSchema> lookup(String subject, Schema schema)
            throws RegistryException {
        try {
            JsonNode body =
                    call(
                            "POST",
                            "/subjects/" + encode(subject),
                            schemaBody(schema),
                            "looking up a schema under subject '" + subject + "'");
            RegisteredSchema found = registered(body, subject);
            idsBySubjectSchema.put(subject + '\0' + schema, found.id());
            return Optional.of(found);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The id of {@code schema} under {@code subject}, from the cache when it was seen before. */
    public int getId(String subject, Schema schema) throws RegistryException {
        Integer cached = idsBySubjectSchema.get(subject + '\0' + schema);
        if (cached != null) {
            return cached;
        }
        return lookup(subject, schema)
                .orElseThrow(
                        () ->
                                new RegistryException(
                                        "Schema "
                                                + schema.getFullName()
                                                + " is not registered under subject '"
                                                + subject
                                                + "' and auto-registration is off; register it"
                                                + " first",
                                        404,
                                        RegistryException.SCHEMA_NOT_FOUND,
                                        false))
                .id();
    }

    /** The newest version registered under {@code subject}. */
    public RegisteredSchema latest(String subject) throws RegistryException {
        JsonNode body =
                call(
                        "GET",
                        "/subjects/" + encode(subject) + "/versions/latest",
                        null,
                        "fetching the latest schema of subject '" + subject + "'");
        return registered(body, subject);
    }

    /**
     * Whether {@code schema} may be registered next under {@code subject} at the subject's
     * compatibility level; a subject with no versions accepts anything.
     */
    public boolean isCompatible(String subject, Schema schema) throws RegistryException {
        try {
            JsonNode body =
                    call(
                            "POST",
                            "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                            schemaBody(schema),
                            "checking compatibility with subject '" + subject + "'");
            return body.path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private JsonNode call(String method, String path, JsonNode body, String what)
            throws RegistryException {
        IOException lastFailure = null;
        String lastServerError = null;
        int urlCount = config.urls().size();
        int start = ThreadLocalRandom.current().nextInt(urlCount);
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            String base = config.urls().get((start + attempt - 1) % urlCount);
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(method, base + path, body), ofInputStream());
            } catch (IOException e) {
                lastFailure = e;
                backoff(attempt, what);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted while " + what, e);
            }
            int status = response.statusCode();
            JsonNode parsed = readBody(response, what);
            if (status >= 200 && status < 300) {
                return parsed;
            }
            RegistryException error = error(base, method, path, status, parsed, what);
            if (!error.isRetriable()) {
                throw error;
            }
            lastServerError = error.getMessage();
            lastFailure = error;
            backoff(attempt, what);
        }
        String reason =
                lastServerError != null
                        ? lastServerError
                        : lastFailure == null ? "no attempt made" : describe(lastFailure);
        throw new RegistryException(
                "Schema registry unreachable at "
                        + config.urls()
                        + " after "
                        + config.maxAttempts()
                        + " attempts while "
                        + what
                        + ": "
                        + reason,
                lastFailure);
    }

    private HttpRequest request(String method, String url, JsonNode body) throws IOException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(config.requestTimeout())
                        .header("Accept", ACCEPT);
        if (authHeader != null) {
            builder.header("Authorization", authHeader);
        }
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private JsonNode readBody(HttpResponse<InputStream> response, String what)
            throws RegistryException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return json.createObjectNode();
            }
            try {
                return json.readTree(bytes);
            } catch (IOException notJson) {
                // Proxies and misconfigured servers answer with HTML; keep a snippet for the error.
                ObjectNode node = json.createObjectNode();
                String text = new String(bytes, StandardCharsets.UTF_8);
                node.put("message", text.length() > 200 ? text.substring(0, 200) + "..." : text);
                return node;
            }
        } catch (IOException e) {
            throw new RegistryException("Cannot read the registry's answer while " + what, e);
        }
    }

    private static RegistryException error(
            String base, String method, String path, int status, JsonNode body, String what) {
        int code = body.path("error_code").asInt(-1);
        String message = body.path("message").asText("");
        StringBuilder text = new StringBuilder("Schema registry ").append(base);
        text.append(" rejected ").append(what).append(" (").append(method).append(' ');
        text.append(path).append("): HTTP ").append(status);
        if (code >= 0) {
            text.append(", error_code ").append(code);
        }
        if (!message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (status == 401 || status == 403) {
            text.append(
                    " - check the registry credentials (basic.auth.user.info or"
                            + " bearer.auth.token)");
        }
        boolean retriable = status >= 500 || status == 408 || status == 429;
        return new RegistryException(text.toString(), status, code, retriable);
    }

    private void backoff(int attempt, String what) throws RegistryException {
        if (attempt >= config.maxAttempts()) {
            return;
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        // Jitter keeps many parallel operators from retrying in lockstep after an outage.
        long sleep = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while " + what, e);
        }
    }

    private ObjectNode schemaBody(Schema schema) {
        ObjectNode node = json.createObjectNode();
        node.put("schema", schema.toString());
        return node;
    }

    private static RegisteredSchema registered(JsonNode body, String subject)
            throws RegistryException {
        String what = "subject '" + subject + "'";
        return new RegisteredSchema(
                body.path("subject").asText(subject),
                requiredInt(body, "version", what),
                requiredInt(body, "id", what),
                parse(body, what));
    }

    private static int requiredInt(JsonNode body, String field, String what)
            throws RegistryException {
        JsonNode node = body.get(field);
        if (node == null || !node.canConvertToInt()) {
            throw new RegistryException(
                    "Schema registry answer for " + what + " has no '" + field + "': " + body,
                    200,
                    -1,
                    false);
        }
        return node.asInt();
    }

    private static Schema parse(JsonNode body, String what) throws RegistryException {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new UnsupportedSchemaException(
                    "Registry " + what + " is a " + type + " schema; LogFlow reads Avro only");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw new RegistryException(
                    "Schema registry answer for " + what + " has no schema: " + body,
                    200,
                    -1,
                    false);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (RuntimeException e) {
            // The parser throws more than SchemaParseException on odd input (type errors, NPEs).
            throw new UnsupportedSchemaException(
                    "Registry " + what + " holds an invalid Avro schema: " + e.getMessage());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (e instanceof java.net.ConnectException && (message == null || message.isEmpty())) {
            // The JDK's HTTP client leaves this one without a message.
            return name + ": connection refused (is the registry running at this address?)";
        }
        return message == null || message.isEmpty() ? name : name + ": " + message;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse.BodyHandler<InputStream> ofInputStream() {
        return HttpResponse.BodyHandlers.ofInputStream();
    }

    private static String authHeader(RegistryClientConfig config) {
        if (config.bearerToken() != null) {
            return "Bearer " + config.bearerToken();
        }
        if (config.basicAuthUser() != null) {
            String pair = config.basicAuthUser() + ":" + config.basicAuthPassword();
            return "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static SSLContext sslContext(RegistryClientConfig config) {
        try (InputStream in = Files.newInputStream(Path.of(config.trustStorePath()))) {
            KeyStore store = KeyStore.getInstance(config.trustStoreType());
            char[] password =
                    config.trustStorePassword() == null
                            ? null
                            : config.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot load the schema registry trust store "
                            + config.trustStorePath()
                            + " ("
                            + config.trustStoreType()
                            + "): "
                            + e.getMessage(),
                    e);
        }
    }
}
