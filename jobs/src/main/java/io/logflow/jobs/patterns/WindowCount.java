package io.logflow.jobs.patterns;

/**
 * What one service's template did in one window so far: a Flink POJO, so window state never falls
 * back to Kryo.
 */
public class WindowCount {
    public long count;
    public long errorCount;

    /** The template text when first matched in the window, in case it is evicted before emit. */
    public String template = "";

    public String example = "";
    public long firstSeen;
    public boolean newTemplate;
    public boolean newError;

    public WindowCount() {}

    WindowCount copy() {
        WindowCount c = new WindowCount();
        c.count = count;
        c.errorCount = errorCount;
        c.template = template;
        c.example = example;
        c.firstSeen = firstSeen;
        c.newTemplate = newTemplate;
        c.newError = newError;
        return c;
    }
}
