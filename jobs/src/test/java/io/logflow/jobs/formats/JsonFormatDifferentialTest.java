package io.logflow.jobs.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflow.devstack.generator.LineRenderer;
import io.logflow.devstack.generator.TrafficConfig;
import io.logflow.devstack.generator.TrafficModel;
import io.logflow.jobs.analytics.functions.CompactEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON format against Jackson's tree over generated, mutated and truncated lines: a line parses
 * exactly when Jackson reads it as one object and it is valid UTF-8 (the format's policy; Jackson
 * lets some invalid sequences through), and its event is what the tree's values under the same keys
 * give ({@link JsonEvents} over {@link JsonValues} filled from the tree, in document order).
 */
class JsonFormatDifferentialTest {

    private static final long AT = 1_764_151_500_000L;
    private static final ObjectMapper LENIENT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper UNIQUE_KEYS =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final FormatSettings plain = new FormatSettings("svc", Map.of());
    private final FormatSettings mapped =
            new FormatSettings("svc", Map.of("message", "x.y", "service", "other"));
    private static final String INVALID = "not valid JSON";

    private final List<String> mismatches = new ArrayList<>();
    private int valid;
    private int invalid;

    @Test
    void parsesWhatJacksonReadsAndKeepsTheSameValues() throws Exception {
        JsonFormat format = new JsonFormat(plain);
        JsonFormat mappedFormat = new JsonFormat(mapped);
        JsonLines random = new JsonLines(15);
        List<byte[]> lines = new ArrayList<>();
        TrafficModel model = new TrafficModel(TrafficConfig.builder().seed(15).build());
        for (int i = 0; i < 3_000; i++) {
            lines.add(LineRenderer.render("json", model.next()));
        }
        for (int i = 0; i < 6_000; i++) {
            lines.add(JsonLines.utf8(random.object(0)));
        }
        List<byte[]> all = new ArrayList<>(lines);
        for (byte[] line : lines) {
            all.add(random.mutate(line));
        }
        for (int i = 0; i < 6; i++) {
            byte[] line = lines.get(i * 1_499);
            for (int end = 0; end < line.length; end++) {
                all.add(Arrays.copyOf(line, end));
            }
        }
        all.addAll(nesting());
        JsonFields plainFields = new JsonFields(plain);
        JsonFields mappedFields = new JsonFields(mapped);
        for (byte[] line : all) {
            String text = utf8(line);
            JsonNode tree = text == null ? null : tree(UNIQUE_KEYS, text);
            boolean duplicates = false;
            if (text != null && tree == null) {
                tree = tree(LENIENT, text);
                duplicates = tree != null;
            }
            check(format, plain, plainFields, line, tree, duplicates);
            check(mappedFormat, mapped, mappedFields, line, tree, duplicates);
        }
        assertThat(mismatches).isEmpty();
        assertThat(valid).as("lines parsed, by either format").isGreaterThan(15_000);
        assertThat(invalid).as("lines refused").isGreaterThan(15_000);
    }

    /** Lines around the nesting limit, through walked objects, skipped ones and arrays. */
    private static List<byte[]> nesting() {
        List<byte[]> lines = new ArrayList<>();
        int limit = JsonScanner.MAX_NESTING;
        for (int depth = limit - 2; depth <= limit + 1; depth++) {
            lines.add(JsonLines.utf8("[".repeat(depth - 1) + "]".repeat(depth - 1)));
            String arrays = "[".repeat(depth - 1) + "]".repeat(depth - 1);
            lines.add(JsonLines.utf8("{\"a\":" + arrays.substring(1, arrays.length() - 1) + "}"));
            String objects = "{\"log\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1);
            lines.add(JsonLines.utf8("{\"msg\":\"m\",\"log\":" + objects + "}"));
            String http = "{\"http\":{\"response\":" + "[{\"x\":".repeat((depth - 3) / 2);
            lines.add(JsonLines.utf8(http + "1" + "}]".repeat((depth - 3) / 2) + "}}"));
        }
        return lines;
    }

    private void check(
            JsonFormat format,
            FormatSettings settings,
            JsonFields fields,
            byte[] line,
            JsonNode tree,
            boolean duplicates) {
        String expected = INVALID;
        if (tree != null) {
            JsonValues values = new JsonValues();
            values.reset(line);
            walk(tree, null, 0, fields, values);
            CompactEvent oracle = new CompactEvent().reset(AT, settings.service());
            try {
                JsonEvents.fill(values, oracle);
                expected = describe(oracle);
            } catch (UnparseableException e) {
                expected = "refused: " + e.getMessage();
            }
        }
        String actual;
        CompactEvent[] got = new CompactEvent[1];
        try {
            format.parse(
                    line, AT, new CompactEvent(), e -> got[0] = new CompactEvent().copyFrom(e));
            actual = describe(got[0]);
            valid++;
        } catch (UnparseableException e) {
            String m = e.getMessage();
            boolean syntax =
                    m.startsWith("not valid JSON: ")
                            || m.equals("not a JSON object")
                            || m.equals("more than one JSON value in the record");
            actual = syntax ? INVALID : "refused: " + m;
            invalid++;
        }
        // With a key twice the tree holds the last value and the format the first: validity only.
        boolean same = duplicates ? !actual.equals(INVALID) : actual.equals(expected);
        if (!same && mismatches.size() < 20) {
            mismatches.add(
                    new String(line, StandardCharsets.UTF_8)
                            + "\n  expected: "
                            + expected
                            + "\n  actual:   "
                            + actual);
        }
    }

    private static String describe(CompactEvent e) {
        return String.join(
                " | ",
                Long.toString(e.timestamp),
                e.service,
                e.host,
                String.valueOf(e.level),
                e.message,
                Boolean.toString(e.http),
                e.path,
                Integer.toString(e.status),
                Double.toString(e.latencyMs),
                Long.toString(e.responseBytes),
                e.clientIp,
                e.method,
                e.userAgent);
    }

    /** The line's text, or null when it is not valid UTF-8. */
    private static String utf8(byte[] line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Jackson's object of the text, or null when it is not one valid JSON object. */
    private static JsonNode tree(ObjectMapper mapper, String text) {
        try {
            // A leading byte order mark is skipped, as Jackson's byte-input parser does.
            JsonNode tree = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Fills the values as the format does, from the tree: first key of the best rank wins. */
    private static void walk(
            JsonNode node, String prefix, int depth, JsonFields fields, JsonValues values) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix == null ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                if (depth + 1 < 16) {
                    walk(v, path, depth + 1, fields, values);
                }
                continue;
            }
            if (v.isArray()) {
                continue;
            }
            for (int k = 0; k < fields.key.length; k++) {
                int f = fields.field[k];
                if (!fields.key[k].equals(path) || !values.better(f, fields.rank[k])) {
                    continue;
                }
                values.claim(f, fields.rank[k], fields.key[k]);
                if (v.isNumber()) {
                    values.number(f, v.doubleValue());
                } else if (v.isTextual() || v.isBoolean()) {
                    values.text(f, v.asText());
                }
            }
        }
    }
}
