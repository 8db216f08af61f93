package io.logflow.devstack.generator;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A pure, endless source of realistic {@link LogEvent}s — no Kafka — for tests, benchmarks and the
 * {@link LogGenerator}. Deterministic: the same {@link TrafficConfig} (seed and start instant
 * included) gives the same sequence. One thread draws events; incidents may be triggered and ended
 * from others.
 *
 * <pre>{@code
 * TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(7).build());
 * LogEvent event = model.next();
 * }</pre>
 */
public final class TrafficModel implements Iterator<LogEvent> {

    /** Requests slower than this log a SLOW_REQUEST warning instead of an access line. */
    public static final int SLOW_REQUEST_MS = 1000;

    // Seeds of the independent generators, so one concern's draws never shift another's.
    private static final long SETUP_SEED_SALT = 0x5DEECE66DL;
    private static final long CLOCK_SEED_SALT = 0x9E3779B97F4A7C15L;

    private final TrafficConfig config;
    private final ServiceProfile[] services;
    private final double[] serviceCumulative;
    private final IncidentSchedule incidents;
    private final EventClock clock;
    private final SplittableRandom rng;
    private final LineComposer composer;

    private int lastService;
    private int lastHost;

    public TrafficModel(TrafficConfig config) {
        this.config = config;
        SplittableRandom setup = new SplittableRandom(config.seed() ^ SETUP_SEED_SALT);
        List<String> names = config.services();
        services = new ServiceProfile[names.size()];
        double[] weights = new double[services.length];
        for (int s = 0; s < services.length; s++) {
            services[s] =
                    new ServiceProfile(
                            ServiceCatalog.spec(names.get(s)), config.hostsPerService(), s, setup);
            weights[s] = services[s].weight;
        }
        serviceCumulative = Sampling.cumulative(weights);
        incidents = new IncidentSchedule(services, config.incidents());
        clock = new EventClock(config, config.seed() ^ CLOCK_SEED_SALT);
        rng = new SplittableRandom(config.seed());
        composer = new LineComposer(rng, new ClientPool(setup), incidents);
    }

    /** Always true: the model never runs dry. */
    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next event, in fresh objects the caller may keep. */
    @Override
    public LogEvent next() {
        return fill(new LogEvent(), true);
    }

    /**
     * The next event written into {@code reuse} (and its {@link HttpInfo}), for callers that
     * serialize each event before drawing the next; same content as {@link #next()}.
     */
    public LogEvent next(LogEvent reuse) {
        return fill(reuse, false);
    }

    /** The next {@code count} events. */
    public List<LogEvent> take(int count) {
        List<LogEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private LogEvent fill(LogEvent out, boolean fresh) {
        long offset;
        int s;
        do {
            // With every service silent the slot passes without an event, as real time would.
            offset = clock.tick();
            s = pickService(offset);
        } while (s < 0);
        ServiceProfile service = services[s];
        int host = rng.nextInt(service.hosts.length);
        lastService = s;
        lastHost = host;
        out.setTimestamp(Instant.ofEpochMilli(clock.stamp()));
        out.setService(service.name);
        out.setHost(service.hosts[host]);
        out.setAttributes(service.hostAttributes.get(host));
        composer.compose(out, service, s, offset, fresh);
        return out;
    }

    private int pickService(long offset) {
        double u = rng.nextDouble();
        if (!incidents.anySilence(offset)) {
            return Sampling.pick(serviceCumulative, u);
        }
        double talking = 0;
        for (int s = 0; s < services.length; s++) {
            talking += incidents.isSilent(s, offset) ? 0 : services[s].weight;
        }
        double target = u * talking;
        int last = -1;
        for (int s = 0; s < services.length; s++) {
            if (!incidents.isSilent(s, offset)) {
                last = s;
                target -= services[s].weight;
                if (target < 0) {
                    return s;
                }
            }
        }
        return last;
    }

    /** Whether the last event's timestamp was pushed far into the past, as a late event. */
    public boolean lastWasLate() {
        return clock.lastWasLate();
    }

    /** Index into {@link #services()} of the last event's service. */
    public int lastServiceIndex() {
        return lastService;
    }

    /** Cloud region of the last event's host, for v2 records. */
    public String lastRegion() {
        return services[lastService].region(lastHost);
    }

    /** The simulated services, in configuration order. */
    public List<String> services() {
        return config.services();
    }

    public TrafficConfig config() {
        return config;
    }

    /** Event time of the last slot, before disorder, as an offset from the start in millis. */
    public long clockOffsetMillis() {
        return clock.offsetMillis();
    }

    /** Event time of the last slot, before disorder. */
    public Instant clockTime() {
        return Instant.ofEpochMilli(clock.startMillis() + clock.offsetMillis());
    }

    /**
     * Starts an incident at the current event time, until {@link #end(Incident)}; {@code path} is
     * for {@link Incident.Kind#LATENCY} only. Safe to call from any thread.
     */
    public Incident trigger(Incident.Kind kind, String service, String path) {
        Incident incident = Incident.startingAt(kind, service, path, clock.offsetMillis() + 1);
        incidents.add(incident);
        return incident;
    }

    /** Ends a triggered or scheduled incident now; returns it with its final window. */
    public Incident end(Incident incident) {
        return incidents.end(incident, clock.offsetMillis() + 1);
    }

    /** All incidents, scheduled and triggered, with their current windows. */
    public List<Incident> incidents() {
        return Collections.unmodifiableList(incidents.incidents());
    }
}
