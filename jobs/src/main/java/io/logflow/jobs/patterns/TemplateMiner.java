package io.logflow.jobs.patterns;

import java.util.ArrayList;
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
    private final TreeNode root = new TreeNode(null, null);

    /** All templates in least-recently-used-first order. */
    private final LinkedHashMap<Long, Template> byId = new LinkedHashMap<>(64, 0.75f, true);

    /** The same templates for lookups that must not count as use. */
    private final Map<Long, Template> index = new HashMap<>();

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
        String[] tokens = Masker.tokens(message == null ? "" : message);
        TreeNode leaf = leafFor(tokens);
        Template best = mostSimilar(leaf.templates, tokens);
        if (best == null) {
            best = new Template(nextId++, tokens, leaf.route());
            leaf.templates.add(best);
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

    private TreeNode leafFor(String[] tokens) {
        TreeNode node = root.child(Integer.toString(tokens.length), Integer.MAX_VALUE);
        int levels = Math.min(settings.depth() - 2, tokens.length);
        for (int i = 0; i < levels; i++) {
            node = node.child(tokens[i], settings.maxChildren());
        }
        return node;
    }

    private Template mostSimilar(List<Template> candidates, String[] tokens) {
        Template best = null;
        double bestSim = -1;
        int bestWild = -1;
        for (Template t : candidates) {
            int same = 0;
            int wild = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (t.tokens[i].equals(tokens[i])) {
                    same++;
                } else if (t.tokens[i].equals(Template.WILDCARD)) {
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
        if (best == null || bestSim < settings.similarity()) {
            return null;
        }
        return keywordClash(best, tokens) ? null : best;
    }

    /** A differing all-capitals word (HTTPS, GET, SOCKS5) names a different event, not a value. */
    private static boolean keywordClash(Template t, String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!t.tokens[i].equals(tokens[i])
                    && (Masker.isKeyword(t.tokens[i]) || Masker.isKeyword(tokens[i]))) {
                return true;
            }
        }
        return false;
    }

    private static void merge(Template t, String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!t.tokens[i].equals(tokens[i])) {
                t.tokens[i] = Template.WILDCARD;
            }
        }
    }

    private void evictBeyondCap() {
        Iterator<Template> lru = byId.values().iterator();
        while (byId.size() > settings.maxTemplates() && lru.hasNext()) {
            Template old = lru.next();
            lru.remove();
            index.remove(old.id);
            remove(old);
            evicted++;
        }
    }

    private void remove(Template t) {
        TreeNode node = root;
        for (String key : t.route) {
            node = node.children.get(key);
        }
        node.templates.remove(t);
        node.pruneIfEmpty();
    }

    /** Puts a template back during a restore; templates must come least recently used first. */
    void restore(Template t) {
        TreeNode node = root;
        for (String key : t.route) {
            node = node.child(key, Integer.MAX_VALUE);
        }
        // Leaves list templates by id so ties resolve as they did before the snapshot.
        int at = 0;
        while (at < node.templates.size() && node.templates.get(at).id < t.id) {
            at++;
        }
        node.templates.add(at, t);
        byId.put(t.id, t);
        index.put(t.id, t);
    }

    void restoreCounters(long nextId, long evicted) {
        this.nextId = nextId;
        this.evicted = evicted;
    }

    /** A node of the prefix tree; leaves hold templates. */
    private static final class TreeNode {
        final TreeNode parent;
        final String key;
        final Map<String, TreeNode> children = new HashMap<>();
        final List<Template> templates = new ArrayList<>(2);

        TreeNode(TreeNode parent, String key) {
            this.parent = parent;
            this.key = key;
        }

        TreeNode child(String token, int maxChildren) {
            TreeNode c = children.get(token);
            if (c != null) {
                return c;
            }
            // A full node sends new tokens to its wildcard child, which it always has room for.
            String key = children.size() + 1 >= maxChildren ? Template.WILDCARD : token;
            return children.computeIfAbsent(key, k -> new TreeNode(this, k));
        }

        String[] route() {
            List<String> keys = new ArrayList<>();
            for (TreeNode n = this; n.parent != null; n = n.parent) {
                keys.add(n.key);
            }
            Collections.reverse(keys);
            return keys.toArray(new String[0]);
        }

        void pruneIfEmpty() {
            if (parent != null && templates.isEmpty() && children.isEmpty()) {
                parent.children.remove(key);
                parent.pruneIfEmpty();
            }
        }
    }
}
