package io.logflow.devstack.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a {@link TrafficModel} generates: services, hosts, event-time clock, disorder and incidents.
 * The same config with the same seed and start instant gives the same events, on every machine.
 *
 * <pre>{@code
 * TrafficConfig config = TrafficConfig.builder()
 *         .seed(42)
 *         .start(Instant.parse("2026-01-01T00:00:00Z"))
 *         .eventsPerSecond(2000)
 *         .incident(Incident.parse("spike:payments@60s+120s"))
 *         .build();
 * }</pre>
 */
public final class TrafficConfig {

    private final long seed;
    private final List<String> services;
    private final int hostsPerService;
    private final Instant start;
    private final double eventsPerSecond;
    private final long maxOutOfOrderMillis;
    private final double lateShare;
    private final long lateByMillis;
    private final List<Incident> incidents;

    private TrafficConfig(Builder b) {
        this.seed = b.seed;
        this.services = List.copyOf(b.services);
        this.hostsPerService = b.hostsPerService;
        // Events carry epoch millis; a finer start would only make reports disagree with them.
        this.start = (b.start != null ? b.start : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
        this.eventsPerSecond = b.eventsPerSecond;
        this.maxOutOfOrderMillis = b.maxOutOfOrder.toMillis();
        this.lateShare = b.lateShare;
        this.lateByMillis = b.lateBy.toMillis();
        this.incidents = List.copyOf(b.incidents);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    public List<String> services() {
        return services;
    }

    public int hostsPerService() {
        return hostsPerService;
    }

    /** Event time of the first event; incidents are scheduled relative to it. */
    public Instant start() {
        return start;
    }

    /** Events per second of event time: the clock advances by 1/rate per event. */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    public long maxOutOfOrderMillis() {
        return maxOutOfOrderMillis;
    }

    public double lateShare() {
        return lateShare;
    }

    public long lateByMillis() {
        return lateByMillis;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    @Override
    public String toString() {
        return String.format(
                "seed=%d, services=%s, hostsPerService=%d, start=%s, eventsPerSecond=%s,"
                        + " maxOutOfOrder=%dms, lateShare=%s, lateBy=%dms, incidents=%s",
                seed,
                services,
                hostsPerService,
                start,
                eventsPerSecond,
                maxOutOfOrderMillis,
                lateShare,
                lateByMillis,
                incidents);
    }

    /** Builder for {@link TrafficConfig}; defaults give the six-service shop at 1000 events/s. */
    public static final class Builder {
        private long seed = GeneratorOptions.SEED.defaultValue();
        private List<String> services = ServiceCatalog.DEFAULT_SERVICES;
        private int hostsPerService = GeneratorOptions.HOSTS.defaultValue();
        private Instant start;
        private double eventsPerSecond = 1000;
        private Duration maxOutOfOrder = Duration.ZERO;
        private double lateShare;
        private Duration lateBy = Duration.ofMinutes(5);
        private final List<Incident> incidents = new ArrayList<>();

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The services to simulate; names outside the built-in shop get a plain CRUD service. */
        public Builder services(List<String> services) {
            this.services = new ArrayList<>(services);
            return this;
        }

        public Builder hostsPerService(int hosts) {
            this.hostsPerService = hosts;
            return this;
        }

        /** Event time of the first event; default: the moment {@link #build()} runs. */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder eventsPerSecond(double eventsPerSecond) {
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        /** Timestamps jitter backwards by up to this much, as clocks and buffers do. */
        public Builder maxOutOfOrder(Duration maxOutOfOrder) {
            this.maxOutOfOrder = maxOutOfOrder;
            return this;
        }

        /** Share of events stamped between {@code lateBy} and twice that in the past. */
        public Builder late(double share, Duration lateBy) {
            this.lateShare = share;
            this.lateBy = lateBy;
            return this;
        }

        public Builder incident(Incident incident) {
            this.incidents.add(incident);
            return this;
        }

        public Builder incidents(List<Incident> incidents) {
            this.incidents.addAll(incidents);
            return this;
        }

        public TrafficConfig build() {
            if (services.isEmpty()
                    || new LinkedHashSet<>(services).size() != services.size()
                    || services.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException(
                        "services must be a non-empty list of distinct names, got " + services);
            }
            if (hostsPerService < 1) {
                throw new IllegalArgumentException(
                        "hostsPerService must be >= 1, got " + hostsPerService);
            }
            if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
                throw new IllegalArgumentException(
                        "eventsPerSecond must be > 0, got " + eventsPerSecond);
            }
            if (maxOutOfOrder.isNegative()) {
                throw new IllegalArgumentException(
                        "maxOutOfOrder must be >= 0, got " + maxOutOfOrder);
            }
            if (!(lateShare >= 0 && lateShare <= 1)) {
                throw new IllegalArgumentException("lateShare must be in [0, 1], got " + lateShare);
            }
            if (lateShare > 0 && (lateBy.isNegative() || lateBy.isZero())) {
                throw new IllegalArgumentException("lateBy must be > 0, got " + lateBy);
            }
            return new TrafficConfig(this);
        }
    }
}
