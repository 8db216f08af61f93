package io.logflow.jobs.formats;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses each field name of a JSON line from the names of the line before, in order: lines of one
 * shipper repeat their keys, and Jackson's {@code nextFieldName(SerializableString)} compares a
 * right guess byte for byte instead of hashing the name and looking it up in its symbol table. A
 * name the line leaves out is caught up with by looking a few names ahead; a wrong guess only costs
 * the comparison. Per format instance, one thread.
 */
final class JsonNames {

    private static final int MAX_NAMES = 64;
    private static final int LOOK_AHEAD = 4;
    private static final int MAX_KNOWN = 4096;

    private SerializedString[] script = new SerializedString[MAX_NAMES];
    private int length;
    private SerializedString[] next = new SerializedString[MAX_NAMES];
    private int nextLength;
    private int cursor;
    private final Map<String, SerializedString> known = new HashMap<>();

    /** Before the first name of a line. */
    void start() {
        cursor = 0;
        nextLength = 0;
    }

    /** The name most likely next, or null when there is no guess. */
    SerializableString guess() {
        return cursor < length ? script[cursor] : null;
    }

    /** The guess was the name. */
    void hit() {
        record(script[cursor++]);
    }

    /** The parser read {@code name} instead of the guess (or without one). */
    void miss(String name) {
        int until = Math.min(length, cursor + LOOK_AHEAD);
        for (int j = cursor + 1; j < until; j++) {
            if (script[j].getValue().equals(name)) {
                cursor = j + 1;
                record(script[j]);
                return;
            }
        }
        SerializedString s = known.get(name);
        if (s == null) {
            if (known.size() >= MAX_KNOWN) {
                // Keys that are ids, say: never let them pile up.
                known.clear();
            }
            s = new SerializedString(name);
            known.put(name, s);
        }
        record(s);
    }

    /** After the last name of a line that parsed: its names are the next line's guesses. */
    void end() {
        SerializedString[] t = script;
        script = next;
        next = t;
        length = nextLength;
    }

    private void record(SerializedString name) {
        if (nextLength < MAX_NAMES) {
            next[nextLength++] = name;
        }
    }
}
