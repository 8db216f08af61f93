package io.logflow.jobs.patterns;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming, bounded log-template miner in the spirit of Drain: messages are masked, routed
 * through a fixed-depth prefix tree (token count, then the leading tokens) to a leaf, and join the
 * leaf's most similar template when similar enough, else start a new one.
 *
 * <p>Template ids come from a per-miner sequence and are never reused, even after eviction. When
 * more than {@link PatternSettings#maxTemplates()} templates exist, the least recently matched one
 * is evicted. Deterministic: the same messages in the same order give the same ids and templates,
 * also across {@link TemplateMinerSerializer} snapshots. Not thread-safe.
 *
 * <pre>{@code
 * TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
 * TemplateMiner.Match m = miner.add("Connection from 10.0.0.1 closed");
 * m.templateId(); // 1
 * m.template();   // "Connection from <*> closed"
 * }</pre>
 */
public final class TemplateMiner {

    /** The result of adding one message. */
    public record Match(long templateId, String template, boolean newTemplate) {}

    private PatternSettings settings;
    private final PrefixTree tree = new PrefixTree();

    // Small initial tables: a miner per service, and at 100,000 services most have a handful of
    // templates; the maps grow as the templates come.

    /** All templates in least-recently-used-first order. */
    private final LinkedHashMap<Long, Template> byId = new LinkedHashMap<>(4, 0.75f, true);

    /** The same templates for lookups that must not count as use. */
    private final Map<Long, Template> index = new HashMap<>(4);

    /** Characters of a message that are mined; the rest is ignored. */
    public static final int MAX_MESSAGE_CHARS = 4096;

    private long nextId = 1;
    private long evicted;

    public TemplateMiner(PatternSettings settings) {
        this.settings = settings;
    }

    /** Adds a message and returns the template it now belongs to. */
    public Match add(String message) {
        Template t = addTemplate(message);
        return new Match(t.id, t.text(), t.count == 1);
    }

    /** Adds a message and returns the (mutable, live) template it now belongs to. */
    Template addTemplate(String message) {
        String[] tokens = Masker.tokens(capped(message));
        PrefixTree.Node leaf = tree.leaf(tokens, settings.depth(), settings.maxChildren());
        Template best = mostSimilar(leaf.templates(), tokens);
        if (best == null) {
            best = new Template(nextId++, tokens, leaf.route());
            leaf.templates().add(best);
            byId.put(best.id, best);
            index.put(best.id, best);
            evictBeyondCap();
        } else {
            merge(best, tokens);
            byId.get(best.id); // marks it most recently used
        }
        best.count++;
        return best;
    }

    /** The live template with this id, or null once evicted (or never created). */
    public Template template(long id) {
        return index.get(id);
    }

    /** Live templates, least recently used first. */
    public Collection<Template> templates() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int size() {
        return byId.size();
    }

    /** The id the next new template gets. */
    public long nextId() {
        return nextId;
    }

    /** Templates evicted so far. */
    public long evictedCount() {
        return evicted;
    }

    public PatternSettings settings() {
        return settings;
    }

    /**
     * Applies new settings to a restored miner: a smaller cap evicts at once; a new depth or
     * similarity applies to messages from now on, while existing templates keep their leaves.
     */
    void reconfigure(PatternSettings newSettings) {
        this.settings = newSettings;
        evictBeyondCap();
    }

    /** A huge line is mined by its head, so one message cannot make a huge template. */
    static String capped(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE_CHARS
                ? message
                : message.substring(0, MAX_MESSAGE_CHARS);
    }

    private Template mostSimilar(List<Template> candidates, String[] tokens) {
        Template best = null;
        double bestSim = -1;
        int bestWild = -1;
        // Whether each of the message's tokens is a keyword, worked out once for all candidates
        // and only once a token differs: most messages match their first candidate exactly
        // where it is not a wildcard.
        byte[] keyword = null;
        candidates:
        for (Template t : candidates) {
            int same = 0;
            int wild = 0;
            for (int i = 0; i < tokens.length; i++) {
                String mine = t.tokens[i];
                if (mine.equals(tokens[i])) {
                    same++;
                    continue;
                }
                // A differing all-capitals word (HTTPS, GET, SOCKS5) names a different event,
                // not a value.
                if (keyword == null) {
                    keyword = new byte[tokens.length];
                }
                if (TokenShapes.isKeyword(mine) || isKeyword(tokens, i, keyword)) {
                    continue candidates;
                }
                if (mine.equals(Template.WILDCARD)) {
                    wild++;
                }
            }
            double sim = tokens.length == 0 ? 1.0 : (double) same / tokens.length;
            if (sim > bestSim || (sim == bestSim && wild > bestWild)) {
                best = t;
                bestSim = sim;
                bestWild = wild;
            }
        }
        return best != null && bestSim >= settings.similarity() ? best : null;
    }

    private static boolean isKeyword(String[] tokens, int i, byte[] known) {
        if (known[i] == 0) {
            known[i] = TokenShapes.isKeyword(tokens[i]) ? (byte) 1 : (byte) 2;
        }
        return known[i] == 1;
    }

    private static void merge(Template t, String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!t.tokens[i].equals(tokens[i])) {
                t.tokens[i] = Template.WILDCARD;
                t.encoded = null;
            }
        }
    }

    private void evictBeyondCap() {
        Iterator<Template> lru = byId.values().iterator();
        while (byId.size() > settings.maxTemplates() && lru.hasNext()) {
            Template old = lru.next();
            lru.remove();
            index.remove(old.id);
            tree.remove(old);
            evicted++;
        }
    }

    /**
     * A deep copy that shares nothing mutable with this miner: the same settings, counters, ids,
     * LRU order and tree, as a snapshot and restore would give. Strings and routes are immutable
     * and shared.
     */
    TemplateMiner copy() {
        TemplateMiner copy = new TemplateMiner(settings);
        for (Template t : byId.values()) {
            copy.restore(t.copy());
        }
        copy.restoreCounters(nextId, evicted);
        return copy;
    }

    /** Puts a template back during a restore; templates must come least recently used first. */
    void restore(Template t) {
        tree.restore(t);
        byId.put(t.id, t);
        index.put(t.id, t);
    }

    void restoreCounters(long nextId, long evicted) {
        this.nextId = nextId;
        this.evicted = evicted;
    }
}
