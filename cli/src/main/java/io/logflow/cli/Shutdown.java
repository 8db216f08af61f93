package io.logflow.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns Ctrl-C and SIGTERM into an orderly stop: the command's main thread closes everything it
 * started and the process exits 0, instead of the JVM's default exit 130 with shutdown hooks racing
 * each other.
 */
final class Shutdown {

    private final CountDownLatch requested = new CountDownLatch(1);

    private Shutdown() {}

    static Shutdown onSignals() {
        Shutdown shutdown = new Shutdown();
        Signal.handle(new Signal("INT"), s -> shutdown.request());
        Signal.handle(new Signal("TERM"), s -> shutdown.request());
        return shutdown;
    }

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits until a stop is requested or {@code millis} pass; true if a stop was requested. */
    boolean await(long millis) throws InterruptedException {
        return requested.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
