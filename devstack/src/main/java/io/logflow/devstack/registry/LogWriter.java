package io.logflow.devstack.registry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The single write path of the registry: one lock around read-decide-append, and a record reaches
 * the in-memory store only after the log has acknowledged it.
 */
final class LogWriter {

    // Longer than one bounded Kafka write, so a request queued behind a failing write still
    // gets that write's error budget before giving up with its own.
    private static final long LOCK_TIMEOUT_SECONDS = 30;

    private final ReentrantLock lock = new ReentrantLock();
    private final SchemaLog log;
    private final SchemaStore store;

    LogWriter(SchemaLog log, SchemaStore store) {
        this.log = log;
        this.store = store;
    }

    /** Runs {@code action} holding the write lock, so the state it reads cannot change under it. */
    <T> T locked(Supplier<T> action) {
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw RegistryError.storeError(
                        "timed out after " + LOCK_TIMEOUT_SECONDS + " s waiting for earlier writes",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while waiting for earlier writes", e);
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Appends the record to the log, then applies it; only valid inside {@link #locked}. */
    void append(SchemaLogRecord record) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("append outside of locked(..)");
        }
        log.append(record);
        store.apply(record);
    }
}
