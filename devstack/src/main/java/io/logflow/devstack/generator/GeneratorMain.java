package io.logflow.devstack.generator;

import io.logflow.connectors.config.ToolArgs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Command-line log generator: {@code --kafka host:port --registry http://... [--rate 1000] [--count
 * N] [--incident spike:payments@60s+120s] ...}. Prints progress to stderr every few seconds and a
 * summary at the end, also after Ctrl-C. Exit codes: 0 sent, 1 failed, 2 bad arguments.
 */
public final class GeneratorMain {

    static final String NAME = "generator";
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private GeneratorMain() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The usage text, made from the options. */
    public static String usage() {
        return GeneratorOptions.ARGS.usage();
    }

    /** Runs the generator; returns the exit code. Tests pass {@code installHook=false}. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean installHook) {
        if (ToolArgs.wantsHelp(args)) {
            out.println(usage());
            return 0;
        }
        LogGenerator generator;
        try {
            generator = GeneratorOptions.parse(args).build();
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(usage());
            return 2;
        }
        err.println(NAME + ": " + generator.describe());
        CountDownLatch summarized = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopAndWait(generator, summarized), NAME + "-shutdown");
        if (installHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        ScheduledExecutorService progress =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, NAME + "-progress");
                            t.setDaemon(true);
                            return t;
                        });
        long every = PROGRESS_INTERVAL.toMillis();
        progress.scheduleAtFixedRate(
                () -> printProgress(generator, err), every, every, TimeUnit.MILLISECONDS);
        try {
            GeneratorReport report = generator.run();
            out.println(report.summary());
            if (report.failedRecords() > 0) {
                err.println(
                        NAME
                                + ": "
                                + report.failedRecords()
                                + " records were not delivered;"
                                + " first failure: "
                                + report.firstFailure());
                return 1;
            }
            return 0;
        } catch (GeneratorException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } finally {
            progress.shutdownNow();
            summarized.countDown();
            if (installHook) {
                removeHook(hook);
            }
        }
    }

    private static void printProgress(LogGenerator generator, PrintStream err) {
        GeneratorReport now = generator.progress();
        // Nothing to say while still connecting; the start-up errors speak for themselves.
        if (now.totalRecords() > 0) {
            err.println(NAME + ": " + now.progressLine());
        }
    }

    // Ctrl-C: let the run finish its record, flush and print the summary before the JVM exits.
    private static void stopAndWait(LogGenerator generator, CountDownLatch summarized) {
        generator.requestStop();
        try {
            summarized.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running because of Ctrl-C; it ends once the summary is out.
        }
    }
}
