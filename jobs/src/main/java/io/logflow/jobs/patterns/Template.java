package io.logflow.jobs.patterns;

/**
 * One mined template: its stable id, its tokens ({@code <*>} where messages differ), and what the
 * streaming operator remembers about it across windows.
 */
public final class Template {

    /** The token every variable part is replaced with, as in Loghub's ground truth. */
    public static final String WILDCARD = "<*>";

    final long id;
    final String[] tokens;

    /**
     * Keys from the root to the tree leaf holding this template, so a restore rebuilds the tree.
     */
    final String[] route;

    long count;

    /** Earliest event time of its messages, or {@link Long#MAX_VALUE} when the caller gave none. */
    long firstSeen = Long.MAX_VALUE;

    /** Whether an ERROR or FATAL message of this template was ever counted. */
    boolean errorSeen;

    /**
     * Tokens and route as {@link TemplateMinerSerializer} writes them, kept until the tokens
     * change: a template's text settles after its first few messages, while every checkpoint of the
     * heap backend writes every service's miner again. Null when not yet written or stale.
     */
    volatile EncodedText encoded;

    /**
     * The bytes of tokens and route; immutable, so templates and their copies can share them and
     * the snapshot thread can publish them (final field) while the task thread reads them.
     */
    record EncodedText(byte[] bytes) {}

    Template(long id, String[] tokens, String[] route) {
        this.id = id;
        this.tokens = tokens;
        this.route = route;
    }

    /** A copy with its own tokens, which merging changes; the route never changes. */
    Template copy() {
        Template t = new Template(id, tokens.clone(), route);
        t.count = count;
        t.firstSeen = firstSeen;
        t.errorSeen = errorSeen;
        t.encoded = encoded;
        return t;
    }

    public long id() {
        return id;
    }

    public long count() {
        return count;
    }

    public long firstSeen() {
        return firstSeen;
    }

    public boolean errorSeen() {
        return errorSeen;
    }

    /** The template as text: its tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    @Override
    public String toString() {
        return id + ": " + text();
    }
}
