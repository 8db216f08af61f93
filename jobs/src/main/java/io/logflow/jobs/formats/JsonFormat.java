package io.logflow.jobs.formats;

import io.logflow.jobs.analytics.functions.CompactEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * JSON lines, one object per record, read in one pass over the record's bytes ({@link JsonScanner}
 * validates the whole line): no tree, no map, no token objects; only the values of the keys {@link
 * JsonFields} names are kept ({@link JsonValues}: a string without escapes as its bytes, made a
 * string only if the event needs one). Objects on the way to a key are walked, so {@code
 * {"log":{"level":"warn"}}} and {@code {"log.level":"warn"}} both give the level; arrays and other
 * objects are skipped. HTTP fields count when a status or a path is present. A leading UTF-8 byte
 * order mark is ignored, as Jackson did.
 */
public final class JsonFormat implements LogFormat {

    private static final long serialVersionUID = 1L;

    /** Objects deeper than this are skipped, not walked: no key has this many names. */
    private static final int MAX_DEPTH = 16;

    private final FormatSettings settings;
    private final JsonFields fields;
    private transient JsonScanner scanner;
    private transient JsonStrings strings;
    private transient JsonValues values;
    private transient int[] table;
    private transient long[] prefixes;

    /** Per walked depth, the name: an ASCII range of the line, or its text when it was not. */
    private transient int[] hashes;

    private transient int[] from;
    private transient int[] to;
    private transient String[] names;
    private transient int[] hits;

    /** Per candidate key, its bytes when it is ASCII, compared with a name's bytes at once. */
    private transient byte[][] keyBytes;

    public JsonFormat(FormatSettings settings) {
        this.settings = settings;
        this.fields = new JsonFields(settings);
    }

    @Override
    public void parse(
            byte[] value, long recordTimestamp, CompactEvent scratch, Consumer<CompactEvent> out)
            throws UnparseableException {
        if (scanner == null) {
            scanner = new JsonScanner();
            strings = new JsonStrings();
            values = new JsonValues();
            table = fields.table();
            prefixes = fields.prefixes();
            hashes = new int[MAX_DEPTH];
            from = new int[MAX_DEPTH];
            to = new int[MAX_DEPTH];
            names = new String[MAX_DEPTH];
            hits = new int[fields.key.length];
            keyBytes = new byte[fields.key.length][];
            for (int k = 0; k < keyBytes.length; k++) {
                String key = fields.key[k];
                if (key.chars().allMatch(ch -> ch < 0x80)) {
                    keyBytes[k] = key.getBytes(StandardCharsets.US_ASCII);
                }
            }
        }
        values.reset(value);
        JsonScanner s = scanner;
        s.reset(value);
        boolean bom =
                value.length >= 3
                        && value[0] == (byte) 0xEF
                        && value[1] == (byte) 0xBB
                        && value[2] == (byte) 0xBF;
        int i = s.whitespace(bom ? 3 : 0);
        int c = s.at(i);
        if (c != '{') {
            if (c == '[') {
                s.skipContainer(i, 0);
            } else if (c >= 0 && startsValue(c)) {
                s.scalar(i);
            } else if (c >= 0) {
                throw s.unexpected(i, "a JSON object");
            }
            // A value, but no object (an invalid one was reported by its skip).
            throw new UnparseableException("not a JSON object");
        }
        i = s.whitespace(walk(i + 1));
        if (i < value.length) {
            if (startsValue(s.at(i))) {
                throw new UnparseableException("more than one JSON value in the record");
            }
            throw s.unexpected(i, "the end of the record");
        }
        JsonEvents.fill(values, scratch.reset(recordTimestamp, settings.service()));
        out.accept(scratch);
    }

    private static boolean startsValue(int c) {
        return c == '{'
                || c == '['
                || c == '"'
                || c == '-'
                || (c >= '0' && c <= '9')
                || c == 't'
                || c == 'f'
                || c == 'n';
    }

    /** Walks the top-level object from {@code i}, after its brace; returns the offset after it. */
    private int walk(int i) throws UnparseableException {
        JsonScanner s = scanner;
        int depth = 0;
        i = s.whitespace(i);
        if (s.at(i) == '}') {
            return i + 1;
        }
        while (true) {
            if (s.at(i) != '"') {
                throw s.unexpected(i, "a field name");
            }
            i = name(i + 1, depth);
            i = s.at(i) == ':' ? i + 1 : s.expect(i, ':', "':'");
            int c = s.at(i);
            if (c <= ' ') {
                i = s.whitespace(i);
                c = s.at(i);
            }
            if (c == '{' && depth + 1 < MAX_DEPTH && JsonFields.isPrefix(prefixes, hashes[depth])) {
                depth++;
                i = s.whitespace(i + 1);
                if (s.at(i) != '}') {
                    continue;
                }
                i++;
                depth--;
            } else if (c == '{' || c == '[') {
                i = s.skipContainer(i, depth + 1);
            } else {
                i = value(i, depth);
            }
            // After a value: the next name, or the ends of as many objects as close here.
            while (true) {
                c = s.at(i);
                if (c <= ' ') {
                    i = s.whitespace(i);
                    c = s.at(i);
                }
                if (c == ',') {
                    i = s.whitespace(i + 1);
                    break;
                }
                if (c != '}') {
                    throw s.unexpected(i, "',' or '}'");
                }
                i++;
                if (depth-- == 0) {
                    return i;
                }
            }
        }
    }

    /**
     * Reads the field name whose content starts at {@code i} as the name at {@code depth}, with the
     * hash of its dotted path ({@link String#hashCode} of the names joined by dots, as {@link
     * JsonFields#table} has the keys'); returns the offset after its closing quote.
     */
    private int name(int i, int depth) throws UnparseableException {
        int seed = depth == 0 ? 0 : hashes[depth - 1] * 31 + '.';
        byte[] b = scanner.b;
        int j = scanner.plain(i);
        if (j == scanner.n || b[j] != '"') {
            // Not ASCII, a control, an escape or no end: the name as decoded text.
            return decodedName(i, depth, seed);
        }
        // String.hashCode's recurrence four bytes a step, so the multiplications overlap.
        int h = seed;
        int k = i;
        for (; k + 4 <= j; k += 4) {
            h = 923521 * h + 29791 * b[k] + 961 * b[k + 1] + 31 * b[k + 2] + b[k + 3];
        }
        for (; k < j; k++) {
            h = 31 * h + b[k];
        }
        hashes[depth] = h;
        from[depth] = i;
        to[depth] = j;
        names[depth] = null;
        return j + 1;
    }

    private int decodedName(int i, int depth, int seed) throws UnparseableException {
        int end = scanner.string(i);
        String name = strings.decode(scanner.b, i, end);
        int h = seed;
        for (int k = 0; k < name.length(); k++) {
            h = 31 * h + name.charAt(k);
        }
        hashes[depth] = h;
        names[depth] = name;
        return end + 1;
    }

    /**
     * Reads the scalar at {@code i}, the value of the path to {@code depth}, into every field whose
     * key the path is and whose value is not from a better-ranked key already.
     */
    private int value(int i, int depth) throws UnparseableException {
        int h = hashes[depth];
        int mask = table.length - 1;
        int count = 0;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int k = table[slot] - 1;
            int f = fields.field[k];
            if (fields.hash[k] == h && values.better(f, fields.rank[k]) && matches(depth, k)) {
                values.claim(f, fields.rank[k], fields.key[k]);
                hits[count++] = f;
            }
        }
        JsonScanner s = scanner;
        if (count == 0) {
            return s.scalar(i);
        }
        int c = s.at(i);
        if (c == '"') {
            int end = s.string(i + 1);
            String text = s.escaped ? strings.decode(s.b, i + 1, end) : null;
            for (int k = 0; k < count; k++) {
                if (text == null) {
                    values.raw(hits[k], i + 1, end, s.ascii);
                } else {
                    values.text(hits[k], text);
                }
            }
            return end + 1;
        } else if (c == 't' || c == 'f') {
            String word = c == 't' ? "true" : "false";
            for (int k = 0; k < count; k++) {
                values.text(hits[k], word);
            }
            return s.literal(i, word);
        } else if (c == 'n') {
            // Null counts as the key's value: a lower-ranked key does not replace it.
            return s.literal(i, "null");
        }
        int end = JsonNumbers.skip(s, i);
        double d = JsonNumbers.value(s.b, i, end);
        for (int k = 0; k < count; k++) {
            values.number(hits[k], d);
        }
        return end;
    }

    /** Whether the names from the top down to {@code depth}, joined by dots, are key {@code k}. */
    private boolean matches(int depth, int k) {
        byte[] kb = keyBytes[k];
        if (depth == 0 && kb != null && names[0] == null) {
            // The usual case, a top-level name: one vectorised comparison.
            return Arrays.equals(kb, 0, kb.length, scanner.b, from[0], to[0]);
        }
        String key = fields.key[k];
        int length = depth;
        for (int d = 0; d <= depth; d++) {
            length += names[d] != null ? names[d].length() : to[d] - from[d];
        }
        if (length != key.length()) {
            return false;
        }
        byte[] b = scanner.b;
        int at = 0;
        for (int d = 0; d <= depth; d++) {
            String name = names[d];
            if (name != null) {
                if (!key.regionMatches(at, name, 0, name.length())) {
                    return false;
                }
                at += name.length();
            } else {
                for (int j = from[d]; j < to[d]; j++) {
                    if (key.charAt(at++) != b[j]) {
                        return false;
                    }
                }
            }
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
