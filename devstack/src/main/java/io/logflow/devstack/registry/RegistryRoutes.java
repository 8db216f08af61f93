package io.logflow.devstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The route table: Confluent Schema Registry REST paths and methods mapped onto endpoints. */
final class RegistryRoutes {

    @FunctionalInterface
    interface Handler {
        Object handle(RegistryRequest request);
    }

    private record Route(String method, String[] pattern, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    RegistryRoutes(RegistryResources res) {
        route("GET", "", res::root);
        route("GET", "schemas/types", res::schemaTypes);
        route("GET", "schemas/ids/{id}", res::schemaById);
        route("GET", "schemas/ids/{id}/schema", res::rawSchemaById);
        route("GET", "schemas/ids/{id}/versions", res::versionsOfId);
        route("GET", "subjects", res::subjects);
        route("POST", "subjects/{subject}", res::lookup);
        route("DELETE", "subjects/{subject}", res::deleteSubject);
        route("GET", "subjects/{subject}/versions", res::versions);
        route("POST", "subjects/{subject}/versions", res::register);
        route("GET", "subjects/{subject}/versions/{version}", res::version);
        route("DELETE", "subjects/{subject}/versions/{version}", res::deleteVersion);
        route("GET", "subjects/{subject}/versions/{version}/schema", res::rawVersion);
        route("POST", "compatibility/subjects/{subject}/versions", res::compatibility);
        route("POST", "compatibility/subjects/{subject}/versions/{version}", res::compatibility);
        route("GET", "config", res::globalConfig);
        route("PUT", "config", res::setGlobalConfig);
        route("DELETE", "config", res::deleteGlobalConfig);
        route("GET", "config/{subject}", res::subjectConfig);
        route("PUT", "config/{subject}", res::setSubjectConfig);
        route("DELETE", "config/{subject}", res::deleteSubjectConfig);
    }

    /**
     * Runs the route for the decoded path segments.
     *
     * @return the response body: a Jackson-serialisable value or {@link RegistryResources.RawJson}
     * @throws RegistryError 404 for an unknown path, 405 for a known path with another method
     */
    Object dispatch(String method, List<String> segments, Map<String, String> query, byte[] body) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.pattern(), segments);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    return route.handler().handle(new RegistryRequest(params, query, body));
                }
            }
        }
        throw pathKnown ? RegistryError.methodNotAllowed() : RegistryError.httpNotFound();
    }

    private void route(String method, String path, Handler handler) {
        String[] pattern = path.isEmpty() ? new String[0] : path.split("/");
        routes.add(new Route(method, pattern, handler));
    }

    private static Map<String, String> match(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = segments.get(i);
            if (pattern[i].startsWith("{")) {
                // An empty segment ("subjects//versions") names nothing; let it 404.
                if (segment.isEmpty()) {
                    return null;
                }
                params.put(pattern[i].substring(1, pattern[i].length() - 1), segment);
            } else if (!pattern[i].equals(segment)) {
                return null;
            }
        }
        return params;
    }
}
