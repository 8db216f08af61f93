package io.logflow.cli;

import java.io.PrintStream;

/** What the CLI tells the user: numbered steps, result lines and the final ready line. */
final class Console {

    /** The line that says the command is up; tests and scripts wait for it. */
    static final String READY_PREFIX = "READY: ";

    private final PrintStream out;
    private int step;

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        out.println("[" + (++step) + "] " + what + " ...");
        out.flush();
    }

    void line(String text) {
        out.println("    " + text);
        out.flush();
    }

    void ready(String text) {
        out.println(READY_PREFIX + text);
        out.flush();
    }

    void info(String text) {
        out.println(text);
        out.flush();
    }
}
