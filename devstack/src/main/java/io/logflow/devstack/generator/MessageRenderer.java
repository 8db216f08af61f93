package io.logflow.devstack.generator;

import java.util.random.RandomGenerator;

/**
 * Renders a {@link Template} into a log message, drawing its variable parts (ids, addresses,
 * durations, hex, quoted values) from the model's generator. Reuses one buffer, so a message costs
 * one String.
 */
final class MessageRenderer {

    private static final String[] FIELDS = {"email", "quantity", "postalCode", "currency", "iban"};
    private static final String[] BAD_VALUES = {
        "bob@@example", "-3", "99999-1", "XYZ", "DE00 0000 0000"
    };
    private static final String[] CACHE_KEYS = {"session", "cart", "product", "query", "user"};
    private static final String[] TABLES = {"orders", "products", "sessions", "payments", "users"};
    private static final char[] PARSE_TOKENS = {'<', '}', '"', 'N'};
    // New-error incidents: variant v names its exception after NOVEL_A[v % 16] + NOVEL_B[...], a
    // pair no other variant below 256 and no built-in template uses.
    private static final String[] NOVEL_A = {
        "Ledger", "Quota", "Shard", "Tenant", "Coupon", "Invoice", "Replica", "Schema",
        "Webhook", "Voucher", "Basket", "Refund", "Billing", "Routing", "Warehouse", "Pricing"
    };
    private static final String[] NOVEL_B = {
        "Drift", "Skew", "Overflow", "Mismatch", "Corruption", "Starvation", "Divergence",
        "Conflict", "Exhaustion", "Regression", "Underflow", "Collision", "Lockout", "Desync",
        "Backlog", "Leak"
    };

    private final StringBuilder out = new StringBuilder(192);
    private final RandomGenerator rng;

    MessageRenderer(RandomGenerator rng) {
        this.rng = rng;
    }

    /**
     * The message of one line; {@code route} and {@code clientIp} are ignored by templates without
     * a request.
     */
    String render(
            Template template,
            ServiceProfile service,
            int route,
            int status,
            double latencyMs,
            String clientIp) {
        StringBuilder b = out;
        b.setLength(0);
        int dep = rng.nextInt(service.dependencyNames.length);
        switch (template) {
            case ACCESS:
                b.append(service.methods[route]).append(' ').append(service.paths[route]);
                b.append(' ').append(status).append(' ').append(Math.round(latencyMs)).append("ms");
                break;
            case SLOW_REQUEST:
                b.append("Slow request ").append(service.methods[route]).append(' ');
                b.append(service.paths[route]).append(" took ").append(Math.round(latencyMs));
                b.append(" ms (threshold ").append(TrafficModel.SLOW_REQUEST_MS).append(" ms)");
                break;
            case CALL_TIMEOUT:
                b.append("Timeout after ").append(Math.round(latencyMs)).append(" ms calling ");
                appendDependency(
                        b.append(service.dependencyNames[dep]).append(" at "), service, dep);
                Sampling.appendHex(b.append(" (request id "), rng.nextLong(), 12);
                b.append(')');
                break;
            case CONNECTION_REFUSED:
                appendDependency(b.append("Connection refused: "), service, dep);
                break;
            case UPSTREAM_ERROR:
                b.append("Upstream ")
                        .append(service.dependencyNames[dep])
                        .append(" returned 503 for ");
                b.append(service.methods[route]).append(' ').append(service.paths[route]);
                b.append(" after ").append(Math.round(latencyMs)).append(" ms");
                break;
            case DEADLOCK:
                Sampling.appendHex(
                        b.append("Deadlock detected in transaction 0x"), rng.nextLong(), 8);
                b.append(", rolled back order ").append(1_000_000 + rng.nextInt(9_000_000));
                break;
            case NULL_POINTER:
                b.append("Unhandled NullPointerException in ").append(service.component);
                b.append(" for user ").append(userId());
                break;
            case POOL_EXHAUSTED:
                b.append("Connection pool exhausted for ").append(service.dependencyNames[dep]);
                b.append(" (active=50, idle=0, waiting=").append(1 + rng.nextInt(64)).append(')');
                break;
            case BAD_RESPONSE:
                b.append("Cannot parse response from ").append(service.dependencyNames[dep]);
                b.append(": unexpected token '").append(PARSE_TOKENS[rng.nextInt(4)]);
                b.append("' at position ").append(rng.nextInt(4096));
                break;
            case CIRCUIT_OPEN:
                b.append("Circuit breaker '").append(service.dependencyNames[dep]);
                b.append("' is OPEN after ").append(5 + rng.nextInt(20));
                b.append(" consecutive failures");
                break;
            case USER_NOT_FOUND:
                b.append("User ").append(userId()).append(" not found");
                break;
            case PRODUCT_NOT_FOUND:
                b.append("Product ").append(1_000_000 + rng.nextInt(9_000_000));
                b.append(" not found in catalog");
                break;
            case INVALID_CREDENTIALS:
                b.append("Invalid credentials for user 'user").append(rng.nextInt(100_000));
                b.append("' from ").append(clientIp);
                break;
            case TOKEN_EXPIRED:
                Sampling.appendHex(b.append("Token expired for session "), rng.nextLong(), 16);
                break;
            case RATE_LIMITED:
                b.append("Rate limit exceeded for client ").append(clientIp).append(": ");
                b.append(301 + rng.nextInt(700)).append(" requests in 60 s");
                break;
            case VALIDATION_FAILED:
                int field = rng.nextInt(FIELDS.length);
                b.append("Validation failed for field '").append(FIELDS[field]);
                b.append("': value '").append(BAD_VALUES[field]).append("' is not valid");
                break;
            case CACHE_LOOKUP:
                b.append(rng.nextInt(4) == 0 ? "Cache miss for key " : "Cache hit for key ");
                b.append(CACHE_KEYS[rng.nextInt(CACHE_KEYS.length)]).append(':').append(userId());
                int micros = 50 + rng.nextInt(950);
                b.append(" in 0.").append(micros / 10).append(" ms");
                break;
            case ROWS_LOADED:
                b.append("Loaded ").append(1 + rng.nextInt(500)).append(" rows from ");
                b.append(TABLES[rng.nextInt(TABLES.length)]).append(" in ");
                b.append(1 + rng.nextInt(40)).append(" ms");
                break;
            case CONFIG_REFRESHED:
                b.append("Refreshed configuration from config-server in ");
                b.append(5 + rng.nextInt(60)).append(" ms (revision ");
                b.append(1000 + rng.nextInt(2000)).append(')');
                break;
            case GC_PAUSE:
                int heap = 600 + rng.nextInt(900);
                b.append("GC pause (G1 Evacuation Pause) ").append(2 + rng.nextInt(80));
                b.append(" ms, heap ").append(heap).append("M->").append(heap / 3).append('M');
                break;
            case OUT_OF_MEMORY:
                b.append("OutOfMemoryError: Java heap space (2048 MB), terminating worker ");
                b.append(rng.nextInt(16));
                break;
            case GIVING_UP:
                appendDependency(
                        b.append("Lost connection to ")
                                .append(service.dependencyNames[dep])
                                .append(" at "),
                        service,
                        dep);
                b.append(", giving up after ").append(3 + rng.nextInt(5)).append(" retries");
                break;
            default:
                throw new IllegalStateException("No rendering for " + template);
        }
        return b.toString();
    }

    /**
     * A message of a template the service never logged before: {@code variant} picks which, so each
     * new-error incident of a model brings its own.
     */
    String renderNewError(int variant, ServiceProfile service) {
        StringBuilder b = out;
        b.setLength(0);
        int v = Math.floorMod(variant, NOVEL_A.length * NOVEL_B.length);
        b.append(NOVEL_A[v % NOVEL_A.length])
                .append(NOVEL_B[(v / NOVEL_A.length + v) % NOVEL_B.length])
                .append("Exception in ")
                .append(service.component)
                .append(": invariant violated for batch ");
        Sampling.appendHex(b, rng.nextLong(), 8);
        b.append(" after ").append(1 + rng.nextInt(5)).append(" retries");
        return b.toString();
    }

    private void appendDependency(StringBuilder b, ServiceProfile service, int dep) {
        String[] ips = service.dependencyIps[dep];
        b.append(ips[rng.nextInt(ips.length)]).append(':').append(service.dependencyPorts[dep]);
    }

    private int userId() {
        return 10_000 + rng.nextInt(90_000);
    }
}
