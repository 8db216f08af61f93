package io.logflow.jobs.patterns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed-depth prefix tree of a {@link TemplateMiner}: the token count, then the leading tokens,
 * down to leaves that list templates in id order. Empty branches are pruned on eviction, so the
 * tree stays bounded by the templates it holds.
 */
final class PrefixTree {

    private final Node root = new Node(null, null);

    /** The leaf for a message's tokens, created on first use. */
    Node leaf(String[] tokens, int depth, int maxChildren) {
        Node node = root.child(lengthKey(tokens.length), Integer.MAX_VALUE);
        int levels = Math.min(depth - 2, tokens.length);
        for (int i = 0; i < levels; i++) {
            node = node.child(tokens[i], maxChildren);
        }
        return node;
    }

    // The first level's keys, made once: building the string was a per-event allocation.
    private static final String[] LENGTH_KEYS = new String[256];

    static {
        for (int i = 0; i < LENGTH_KEYS.length; i++) {
            LENGTH_KEYS[i] = Integer.toString(i);
        }
    }

    private static String lengthKey(int length) {
        return length < LENGTH_KEYS.length ? LENGTH_KEYS[length] : Integer.toString(length);
    }

    /** Removes an evicted template and any branch it leaves empty. */
    void remove(Template t) {
        Node node = root;
        for (String key : t.route) {
            node = node.children.get(key);
        }
        node.templates().remove(t);
        node.pruneIfEmpty();
    }

    /** Puts a restored template back under its recorded route, without routing decisions. */
    void restore(Template t) {
        Node node = root;
        for (String key : t.route) {
            node = node.child(key, Integer.MAX_VALUE);
        }
        // Leaves list templates by id so ties resolve as they did before the snapshot.
        List<Template> templates = node.templates();
        int at = 0;
        while (at < templates.size() && templates.get(at).id < t.id) {
            at++;
        }
        templates.add(at, t);
    }

    /**
     * A node of the tree; leaves hold templates. Children and templates are allocated on first use
     * and small: a miner per service, with 100,000 services the trees were most of the heap, and
     * inner nodes hold no templates, leaves no children.
     */
    static final class Node {
        final Node parent;
        final String key;
        private Map<String, Node> children = Map.of();
        private List<Template> templates;

        Node(Node parent, String key) {
            this.parent = parent;
            this.key = key;
        }

        /** This leaf's templates, in id order; created empty on first use. */
        List<Template> templates() {
            if (templates == null) {
                templates = new ArrayList<>(1);
            }
            return templates;
        }

        Node child(String token, int maxChildren) {
            Node c = children.get(token);
            if (c != null) {
                return c;
            }
            // A full node sends new tokens to its wildcard child, which it always has room for.
            String key = children.size() + 1 >= maxChildren ? Template.WILDCARD : token;
            c = children.get(key);
            if (c == null) {
                if (children.isEmpty()) {
                    children = new HashMap<>(2);
                }
                c = new Node(this, key);
                children.put(key, c);
            }
            return c;
        }

        /** The keys from below the root down to this node. */
        String[] route() {
            List<String> keys = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                keys.add(n.key);
            }
            Collections.reverse(keys);
            return keys.toArray(new String[0]);
        }

        void pruneIfEmpty() {
            if (parent != null
                    && (templates == null || templates.isEmpty())
                    && children.isEmpty()) {
                parent.children.remove(key);
                parent.pruneIfEmpty();
            }
        }
    }
}
