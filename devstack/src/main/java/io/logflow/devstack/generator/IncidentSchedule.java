package io.logflow.devstack.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The incidents of one model, resolved to service and route indexes so the per-event checks are
 * array lookups. Incidents may be added and ended from another thread while the model runs; the
 * model then sees the change from its next event.
 */
final class IncidentSchedule {

    /** The 5xx share of requests to a service during an error spike. */
    static final double SPIKE_ERROR_RATE = 0.30;

    /** How much slower a path serves during a latency regression. */
    static final double LATENCY_FACTOR = 6.0;

    /** The share of a service's requests failing with the new error during a new-error incident. */
    static final double NEW_ERROR_SHARE = 0.02;

    private static final class Entry {
        final Incident incident;
        final int service;
        final boolean[] routes;
        // Which new error message a NEW_ERROR incident logs: one per incident of the model.
        final int variant;

        Entry(Incident incident, int service, boolean[] routes, int variant) {
            this.incident = incident;
            this.service = service;
            this.routes = routes;
            this.variant = variant;
        }
    }

    private final ServiceProfile[] services;
    // Copy-on-write: the model thread reads without locking, writers replace the whole array.
    private volatile Entry[] entries = new Entry[0];

    IncidentSchedule(ServiceProfile[] services, List<Incident> scheduled) {
        this.services = services;
        for (Incident incident : scheduled) {
            add(incident);
        }
    }

    synchronized void add(Incident incident) {
        int service = serviceIndex(incident);
        boolean[] routes = new boolean[services[service].paths.length];
        if (incident.kind() == Incident.Kind.LATENCY) {
            boolean found = false;
            for (int r = 0; r < routes.length; r++) {
                routes[r] = services[service].paths[r].equals(incident.path());
                found |= routes[r];
            }
            if (!found) {
                throw new IllegalArgumentException(
                        "Incident '"
                                + incident
                                + "' names unknown path '"
                                + incident.path()
                                + "' of service '"
                                + incident.service()
                                + "'; its paths: "
                                + String.join(
                                        ", ",
                                        new HashSet<>(Arrays.asList(services[service].paths))));
            }
        }
        int variant = 0;
        for (Entry e : entries) {
            variant += e.incident.kind() == Incident.Kind.NEW_ERROR ? 1 : 0;
        }
        Entry[] next = Arrays.copyOf(entries, entries.length + 1);
        next[next.length - 1] = new Entry(incident, service, routes, variant);
        checkSomeoneTalks(next, incident);
        entries = next;
    }

    /** Ends {@code incident} at {@code offsetMillis}; returns it with its final window. */
    synchronized Incident end(Incident incident, long offsetMillis) {
        Entry[] next = entries.clone();
        for (int i = 0; i < next.length; i++) {
            if (next[i].incident == incident) {
                Incident ended = incident.endedAt(offsetMillis);
                next[i] = new Entry(ended, next[i].service, next[i].routes, next[i].variant);
                entries = next;
                return ended;
            }
        }
        throw new IllegalArgumentException("Incident " + incident + " is not part of this model");
    }

    List<Incident> incidents() {
        List<Incident> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.incident);
        }
        return out;
    }

    boolean isSilent(int service, long offsetMillis) {
        for (Entry e : entries) {
            if (e.service == service
                    && e.incident.kind() == Incident.Kind.SILENCE
                    && e.incident.isActiveAt(offsetMillis)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any silence covers {@code offsetMillis}: the fast path skips service checks. */
    boolean anySilence(long offsetMillis) {
        for (Entry e : entries) {
            if (e.incident.kind() == Incident.Kind.SILENCE && e.incident.isActiveAt(offsetMillis)) {
                return true;
            }
        }
        return false;
    }

    double errorRate(int service, double baseline, long offsetMillis) {
        for (Entry e : entries) {
            if (e.service == service
                    && e.incident.kind() == Incident.Kind.ERROR_SPIKE
                    && e.incident.isActiveAt(offsetMillis)) {
                return Math.max(baseline, SPIKE_ERROR_RATE);
            }
        }
        return baseline;
    }

    /** The variant of the new error {@code service} logs at {@code offsetMillis}, or -1. */
    int newErrorVariant(int service, long offsetMillis) {
        for (Entry e : entries) {
            if (e.service == service
                    && e.incident.kind() == Incident.Kind.NEW_ERROR
                    && e.incident.isActiveAt(offsetMillis)) {
                return e.variant;
            }
        }
        return -1;
    }

    double latencyFactor(int service, int route, long offsetMillis) {
        for (Entry e : entries) {
            if (e.service == service
                    && e.routes[route]
                    && e.incident.kind() == Incident.Kind.LATENCY
                    && e.incident.isActiveAt(offsetMillis)) {
                return LATENCY_FACTOR;
            }
        }
        return 1.0;
    }

    private int serviceIndex(Incident incident) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < services.length; s++) {
            if (services[s].name.equals(incident.service())) {
                return s;
            }
            names.add(services[s].name);
        }
        throw new IllegalArgumentException(
                "Incident '"
                        + incident
                        + "' names unknown service '"
                        + incident.service()
                        + "'; services: "
                        + String.join(", ", names));
    }

    // Silences that never end must leave a service talking, or the model would wait forever.
    private void checkSomeoneTalks(Entry[] candidate, Incident added) {
        Set<Integer> silencedForever = new HashSet<>();
        for (Entry e : candidate) {
            if (e.incident.kind() == Incident.Kind.SILENCE
                    && e.incident.endMillis() == Long.MAX_VALUE) {
                silencedForever.add(e.service);
            }
        }
        if (silencedForever.size() == services.length) {
            throw new IllegalArgumentException(
                    "Incident '" + added + "' would silence every service forever");
        }
    }
}
