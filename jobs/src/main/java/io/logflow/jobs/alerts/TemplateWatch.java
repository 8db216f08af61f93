package io.logflow.jobs.alerts;

/**
 * What {@link NewErrorTemplateDetector} remembers about one new error template of a service: a
 * Flink POJO, so its state needs no Kryo.
 */
public final class TemplateWatch {
    /** Start of the window that first held an error line of the template. */
    public long firstWindowStart;

    /** Error lines counted while confirming, and then while firing. */
    public long errorCount;

    /** End of the last window that held a line of the template. */
    public long lastSeenEnd;

    /** The alert id once it fired; null while the template is being confirmed. */
    public String alertId;

    public TemplateWatch() {}
}
