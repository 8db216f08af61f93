package io.logflow.jobs.analytics.functions;

import io.logflow.connectors.registry.RegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a decode while the schema registry is unreachable, with backoff, for up to the outage
 * timeout; any other failure is the record's and is thrown at once.
 */
final class RegistryRetry {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRetry.class);

    /** A decode step that may need the registry. */
    interface Call<T> {
        T run() throws IOException;
    }

    private RegistryRetry() {}

    /** {@code where} names the record in the warning; built only when there is one to log. */
    static <T> T call(Call<T> call, Duration outageTimeout, Supplier<String> where)
            throws IOException {
        long deadline = System.nanoTime() + outageTimeout.toNanos();
        long backoffMs = 500;
        while (true) {
            try {
                return call.run();
            } catch (RegistryException e) {
                if (!e.isRetriable() || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn(
                        "Schema registry unavailable while decoding {}; retrying in {} ms: {}",
                        where.get(),
                        backoffMs,
                        e.getMessage());
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the schema registry", e);
        }
    }
}
