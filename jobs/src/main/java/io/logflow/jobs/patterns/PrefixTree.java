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
        node.templates.remove(t);
        node.pruneIfEmpty();
    }

    /** Puts a restored template back under its recorded route, without routing decisions. */
    void restore(Template t) {
        Node node = root;
        for (String key : t.route) {
            node = node.child(key, Integer.MAX_VALUE);
        }
        // Leaves list templates by id so ties resolve as they did before the snapshot.
        int at = 0;
        while (at < node.templates.size() && node.templates.get(at).id < t.id) {
            at++;
        }
        node.templates.add(at, t);
    }

    /** A node of the tree; leaves hold templates. */
    static final class Node {
        final Node parent;
        final String key;
        final Map<String, Node> children = new HashMap<>();
        final List<Template> templates = new ArrayList<>(2);

        Node(Node parent, String key) {
            this.parent = parent;
            this.key = key;
        }

        Node child(String token, int maxChildren) {
            Node c = children.get(token);
            if (c != null) {
                return c;
            }
            // A full node sends new tokens to its wildcard child, which it always has room for.
            String key = children.size() + 1 >= maxChildren ? Template.WILDCARD : token;
            return children.computeIfAbsent(key, k -> new Node(this, k));
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
            if (parent != null && templates.isEmpty() && children.isEmpty()) {
                parent.children.remove(key);
                parent.pruneIfEmpty();
            }
        }
    }
}
