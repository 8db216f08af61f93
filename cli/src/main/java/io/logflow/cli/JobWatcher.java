package io.logflow.cli;

import java.util.function.Consumer;
import org.apache.flink.api.common.JobStatus;

/**
 * Watches the demo's job and says so when it fails, restarts or stops: a job in a restart loop
 * otherwise looks like a demo whose results are merely late, with the cause only in the log file.
 */
final class JobWatcher implements AutoCloseable {

    /** What the cluster says about the job: its status and its latest failure (time 0: none). */
    record Snapshot(JobStatus status, long failureTime, String cause) {}

    /** Asks the cluster. */
    interface Source {
        Snapshot get() throws Exception;
    }

    private static final long POLL_MILLIS = 1000;
    private static final int MAX_CAUSE_CHARS = 300;

    private final Source source;
    private final Consumer<String> out;
    private final Thread thread;
    private volatile boolean closed;
    private long lastFailure;
    private int failures;
    private JobStatus last = JobStatus.RUNNING;

    private JobWatcher(Source source, Consumer<String> out) {
        this.source = source;
        this.out = out;
        this.thread = new Thread(this::run, "logflow-job-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts polling every second, printing each change worth a line to {@code out}. */
    static JobWatcher start(Source source, Consumer<String> out) {
        JobWatcher watcher = new JobWatcher(source, out);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        while (!closed) {
            try {
                String line = observe(source.get());
                if (line != null && !closed) {
                    out.accept(line);
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The cluster is shutting down or busy: ask again at the next poll.
            }
        }
    }

    /** The line to print for this observation, or null; also used by tests, in order. */
    String observe(Snapshot s) {
        String line = null;
        if (s.failureTime() > lastFailure) {
            lastFailure = s.failureTime();
            failures++;
            line =
                    (s.status() == JobStatus.FAILED ? "JOB FAILED" : "JOB FAILURE #" + failures)
                            + " ("
                            + s.status()
                            + "): "
                            + shortened(s.cause())
                            + (s.status() == JobStatus.FAILED
                                    ? " - the job has stopped; results stop here"
                                    : " - it restarts from its last checkpoint")
                            + "; details in logs/logflow.log";
        } else if (s.status() != last && s.status() == JobStatus.RUNNING && failures > 0) {
            line = "JOB RUNNING again after " + failures + " failure(s)";
        } else if (s.status() != last && s.status().isGloballyTerminalState()) {
            line = "JOB " + s.status() + ": the analytics job has stopped; results stop here";
        }
        last = s.status();
        return line;
    }

    private static String shortened(String cause) {
        if (cause == null || cause.isBlank()) {
            return "(no cause reported)";
        }
        String first = cause.strip().lines().findFirst().orElse("");
        return first.length() <= MAX_CAUSE_CHARS
                ? first
                : first.substring(0, MAX_CAUSE_CHARS) + "...";
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
