package io.logflow.jobs.analytics.functions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which routes of which services get a latency summary of their own in every window: the routes the
 * alert rules name ({@code alerts.rules-file}), so per-route latency costs nothing for the services
 * no rule names.
 */
public final class RouteSelector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No route of any service: the window aggregate skips the route lookup entirely. */
    public static final RouteSelector NONE = new RouteSelector(List.of());

    /** Services cached before the cache starts over: far above any fleet's service count. */
    private static final int CACHE_LIMIT = 200_000;

    private static final Route[] NO_ROUTES = new Route[0];

    private final List<Entry> entries;

    private transient Map<String, Route[]> byService;

    /** One route pattern of the services a pattern matches; the route is named as written. */
    public record Entry(Pattern service, String route) implements Serializable {}

    /** A route of one service: its name and the compiled pattern a request path must match. */
    public record Route(String name, Pattern path) {}

    public RouteSelector(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The routes of {@code service}, in rule order, each name once; empty when none. */
    public Route[] routesOf(String service) {
        if (byService == null) {
            byService = new HashMap<>();
        }
        Route[] routes = byService.get(service);
        if (routes == null) {
            if (byService.size() >= CACHE_LIMIT) {
                byService.clear();
            }
            routes = resolve(service);
            byService.put(service, routes);
        }
        return routes;
    }

    private Route[] resolve(String service) {
        Set<String> seen = new LinkedHashSet<>();
        List<Route> routes = new ArrayList<>();
        for (Entry e : entries) {
            if (e.service().matcher(service).matches() && seen.add(e.route())) {
                routes.add(new Route(e.route(), glob(e.route())));
            }
        }
        return routes.isEmpty() ? NO_ROUTES : routes.toArray(NO_ROUTES);
    }

    /**
     * A route pattern as a regular expression: {@code *} matches within one path segment, {@code
     * **} across segments, {@code re:} starts a Java regular expression; anything else is literal.
     * A query string never reaches here (the formats cut it off).
     */
    public static Pattern glob(String route) {
        if (route.startsWith("re:")) {
            return Pattern.compile(route.substring(3));
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < route.length()) {
            char c = route.charAt(i);
            if (c == '*' && i + 1 < route.length() && route.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
