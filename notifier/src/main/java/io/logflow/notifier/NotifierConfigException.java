package io.logflow.notifier;

/** A notifier configuration the user must fix; the message names the offending key. */
public final class NotifierConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NotifierConfigException(String message) {
        super(message);
    }
}
