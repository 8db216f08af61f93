package io.logflow.jobs.formats;

/** A record that is not of its source's format; the message says what did not parse. */
public class UnparseableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnparseableException(String message) {
        super(message, null, false, false);
    }
}
