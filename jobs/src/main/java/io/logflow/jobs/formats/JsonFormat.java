package io.logflow.jobs.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import io.logflow.jobs.analytics.functions.CompactEvent;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * JSON lines, one object per record, read with Jackson's streaming parser: no tree, no map, only
 * the values of the keys {@link JsonFields} names are kept ({@link JsonValues}: a string without
 * escapes as its bytes, made a string only if the event needs one). Nested objects are walked, so
 * {@code {"log":{"level":"warn"}}} and {@code {"log.level":"warn"}} both give the level; arrays are
 * skipped. HTTP fields count when a status or a path is present.
 */
public final class JsonFormat implements LogFormat {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private final FormatSettings settings;
    private final JsonFields fields;
    private transient JsonFactory factory;
    private transient String[] path;
    private transient JsonValues values;
    private transient JsonNames names;
    private transient String[] matchedTop;
    private transient int[] hashes;
    private transient int[] table;

    public JsonFormat(FormatSettings settings) {
        this.settings = settings;
        this.fields = new JsonFields(settings);
    }

    @Override
    public void parse(
            byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException {
        if (factory == null) {
            // One buffer recycler for this instance's one thread: no thread-local lookup per line.
            factory = JsonFactory.builder().recyclerPool(new OneRecycler()).build();
            path = new String[MAX_DEPTH];
            hashes = new int[MAX_DEPTH];
            values = new JsonValues();
            names = new JsonNames();
            matchedTop = new String[fields.key.length];
            table = fields.table();
        }
        values.reset(value);
        try (JsonParser p = factory.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnparseableException("not a JSON object");
            }
            read(p);
            if (p.nextToken() != null) {
                throw new UnparseableException("more than one JSON value in the record");
            }
        } catch (IOException e) {
            throw new UnparseableException(
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonEvents.fill(values, scratch.reset(recordTimestamp, settings.service()));
        out.accept(scratch);
    }

    /** Walks one object whose START_OBJECT was just read, keeping the values of known keys. */
    private void read(JsonParser p) throws IOException, UnparseableException {
        names.start();
        int depth = 0;
        while (true) {
            // Every container walked is an object: a field name or the object's end comes next.
            SerializableString guess = names.guess();
            String name;
            if (guess != null && p.nextFieldName(guess)) {
                names.hit();
                name = guess.getValue();
            } else {
                JsonToken t = guess != null ? p.currentToken() : p.nextToken();
                if (t == null) {
                    throw new UnparseableException("the JSON object does not end");
                }
                if (t == JsonToken.END_OBJECT) {
                    if (depth-- == 0) {
                        names.end();
                        return;
                    }
                    continue;
                }
                name = p.currentName();
                names.miss(name);
            }
            path[depth] = name;
            hashes[depth] =
                    depth == 0 ? name.hashCode() : JsonFields.append(hashes[depth - 1], name);
            JsonToken value = p.nextToken();
            if (value == null) {
                throw new UnparseableException("the JSON object does not end");
            }
            switch (value) {
                case START_OBJECT:
                    if (++depth >= MAX_DEPTH) {
                        throw new UnparseableException("objects nested deeper than " + MAX_DEPTH);
                    }
                    break;
                case START_ARRAY:
                    p.skipChildren();
                    break;
                default:
                    keep(p, value, depth);
            }
        }
    }

    private void keep(JsonParser p, JsonToken t, int depth) throws IOException {
        // Candidates whose key hashes like this path (almost always none or one), checked whole.
        int h = hashes[depth];
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (fields.hash[i] != h) {
                continue;
            }
            int f = fields.field[i];
            if (!values.better(f, fields.rank[i]) || !matches(depth, i)) {
                continue;
            }
            values.claim(f, fields.rank[i], fields.key[i]);
            switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.number(f, p.getDoubleValue());
                case VALUE_STRING -> {
                    int quote = (int) p.currentTokenLocation().getByteOffset();
                    if (!values.raw(f, quote)) {
                        values.text(f, p.getText());
                    }
                }
                case VALUE_NULL -> {
                    // Null counts as the key's value: a lower-ranked key does not replace it.
                }
                default -> values.text(f, p.getText());
            }
        }
    }

    /**
     * Whether the names from the top down to {@code depth}, joined by dots, are candidate {@code
     * i}'s key. Names are Jackson's canonical strings (or {@link JsonNames}' copies of them), so a
     * top-level name that matched once is known again by identity.
     */
    private boolean matches(int depth, int i) {
        if (depth == 0 && matchedTop[i] == path[0]) {
            return true;
        }
        boolean matches = matches(depth, fields.key[i]);
        if (matches && depth == 0) {
            matchedTop[i] = path[0];
        }
        return matches;
    }

    private boolean matches(int depth, String key) {
        int length = depth;
        for (int d = 0; d <= depth; d++) {
            length += path[d].length();
        }
        if (length != key.length()) {
            return false;
        }
        int at = 0;
        for (int d = 0; d <= depth; d++) {
            String name = path[d];
            if (!key.regionMatches(at, name, 0, name.length())) {
                return false;
            }
            at += name.length();
            if (d < depth && key.charAt(at++) != '.') {
                return false;
            }
        }
        return true;
    }

    static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
