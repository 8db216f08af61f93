package io.logflow.devstack.generator;

import static io.logflow.devstack.generator.Template.BAD_RESPONSE;
import static io.logflow.devstack.generator.Template.CALL_TIMEOUT;
import static io.logflow.devstack.generator.Template.CIRCUIT_OPEN;
import static io.logflow.devstack.generator.Template.CONNECTION_REFUSED;
import static io.logflow.devstack.generator.Template.DEADLOCK;
import static io.logflow.devstack.generator.Template.INVALID_CREDENTIALS;
import static io.logflow.devstack.generator.Template.NULL_POINTER;
import static io.logflow.devstack.generator.Template.POOL_EXHAUSTED;
import static io.logflow.devstack.generator.Template.PRODUCT_NOT_FOUND;
import static io.logflow.devstack.generator.Template.RATE_LIMITED;
import static io.logflow.devstack.generator.Template.TOKEN_EXPIRED;
import static io.logflow.devstack.generator.Template.UPSTREAM_ERROR;
import static io.logflow.devstack.generator.Template.USER_NOT_FOUND;
import static io.logflow.devstack.generator.Template.VALIDATION_FAILED;

import java.util.List;

/**
 * The built-in shop: six services with their routes, latency shapes, dependencies and the errors
 * each one can log. Routes are listed most popular first; latency is "median-ms sigma" of a
 * log-normal, so payments and search get the long tails real ones have.
 */
final class ServiceCatalog {

    static final List<String> DEFAULT_SERVICES =
            List.of("gateway", "search", "catalog", "checkout", "auth", "payments");

    /** A service's fixed traits; {@code component} names the class its stack traces blame. */
    record ServiceSpec(
            String name,
            double weight,
            double baseErrorRate,
            List<String> routes,
            List<String> dependencies,
            List<Template> errors,
            List<Template> warnings,
            String component) {}

    private ServiceCatalog() {}

    /** The traits of {@code name}; a name outside the catalog gets a plain CRUD service. */
    static ServiceSpec spec(String name) {
        switch (name) {
            case "gateway":
                return new ServiceSpec(
                        name,
                        25,
                        0.008,
                        List.of(
                                "GET /api/v1/home 45 0.5",
                                "GET /api/v1/products 60 0.6",
                                "GET /api/v1/search 80 0.7",
                                "GET /api/v1/cart 40 0.5",
                                "POST /api/v1/login 60 0.5",
                                "POST /api/v1/checkout 180 0.7",
                                "GET /api/v1/recommendations 90 0.8",
                                "GET /health 1.5 0.3"),
                        List.of("search:8080", "catalog:8080", "checkout:8080", "auth:8080"),
                        List.of(UPSTREAM_ERROR, CALL_TIMEOUT, CONNECTION_REFUSED, CIRCUIT_OPEN),
                        List.of(RATE_LIMITED, TOKEN_EXPIRED),
                        "RouteFilter.forward");
            case "search":
                return new ServiceSpec(
                        name,
                        20,
                        0.01,
                        List.of(
                                "GET /api/search 35 0.8",
                                "GET /api/search/suggest 8 0.5",
                                "GET /api/search/facets 25 0.6",
                                "GET /api/search/trending 12 0.4",
                                "GET /api/search/similar 50 0.9"),
                        List.of("elasticsearch:9200", "redis:6379"),
                        List.of(CALL_TIMEOUT, BAD_RESPONSE, CIRCUIT_OPEN, NULL_POINTER),
                        List.of(VALIDATION_FAILED, RATE_LIMITED),
                        "SearchService.rank");
            case "catalog":
                return new ServiceSpec(
                        name,
                        18,
                        0.006,
                        List.of(
                                "GET /api/products 20 0.5",
                                "GET /api/products/detail 12 0.5",
                                "GET /api/categories 6 0.4",
                                "GET /api/products/reviews 30 0.7",
                                "GET /api/inventory 15 0.6",
                                "PUT /api/products 45 0.6"),
                        List.of("catalog-db:5432", "redis:6379"),
                        List.of(CALL_TIMEOUT, CONNECTION_REFUSED, POOL_EXHAUSTED, NULL_POINTER),
                        List.of(PRODUCT_NOT_FOUND, VALIDATION_FAILED),
                        "PriceCalculator.apply");
            case "checkout":
                return new ServiceSpec(
                        name,
                        14,
                        0.01,
                        List.of(
                                "GET /api/cart 15 0.5",
                                "POST /api/cart/items 30 0.6",
                                "POST /api/checkout 150 0.7",
                                "GET /api/orders 40 0.6",
                                "DELETE /api/cart/items 20 0.5"),
                        List.of("checkout-db:5432", "redis:6379", "payments:8080"),
                        List.of(CALL_TIMEOUT, DEADLOCK, NULL_POINTER, CONNECTION_REFUSED),
                        List.of(PRODUCT_NOT_FOUND, VALIDATION_FAILED, USER_NOT_FOUND),
                        "CartService.applyDiscount");
            case "auth":
                return new ServiceSpec(
                        name,
                        13,
                        0.005,
                        List.of(
                                "POST /api/login 60 0.5",
                                "POST /api/token/refresh 10 0.4",
                                "GET /api/session 4 0.4",
                                "POST /api/logout 6 0.4",
                                "GET /api/userinfo 9 0.5"),
                        List.of("auth-db:5432", "ldap:636"),
                        List.of(CALL_TIMEOUT, POOL_EXHAUSTED, CONNECTION_REFUSED),
                        List.of(INVALID_CREDENTIALS, TOKEN_EXPIRED, USER_NOT_FOUND, RATE_LIMITED),
                        "TokenService.verify");
            case "payments":
                return new ServiceSpec(
                        name,
                        10,
                        0.012,
                        List.of(
                                "POST /api/payments 220 0.7",
                                "POST /api/payments/authorize 180 0.8",
                                "POST /api/payments/capture 150 0.6",
                                "GET /api/payments/status 20 0.5",
                                "POST /api/refunds 250 0.7"),
                        List.of("payments-db:5432", "psp-gateway:443"),
                        List.of(CALL_TIMEOUT, CONNECTION_REFUSED, BAD_RESPONSE, DEADLOCK),
                        List.of(VALIDATION_FAILED, RATE_LIMITED),
                        "PaymentService.capture");
            default:
                return new ServiceSpec(
                        name,
                        10,
                        0.008,
                        List.of(
                                "GET /api/" + name + " 20 0.6",
                                "GET /api/" + name + "/list 30 0.6",
                                "POST /api/" + name + " 45 0.7",
                                "GET /health 2 0.3"),
                        List.of(name + "-db:5432", "redis:6379"),
                        List.of(CALL_TIMEOUT, CONNECTION_REFUSED, NULL_POINTER, POOL_EXHAUSTED),
                        List.of(VALIDATION_FAILED, USER_NOT_FOUND),
                        "RequestHandler.handle");
        }
    }
}
