package io.logflow.jobs.patterns;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV as Loghub's structured files use it: quoted fields may hold commas, doubled
 * quotes and line breaks.
 */
public final class LoghubCsv {

    private final BufferedReader in;
    private long line;

    public LoghubCsv(BufferedReader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException {
        String first = in.readLine();
        if (first == null) {
            return null;
        }
        line++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first;
        int i = 0;
        boolean quoted = false;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                String more = in.readLine();
                if (more == null) {
                    throw new IOException("unterminated quoted field starting before line " + line);
                }
                line++;
                field.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
    }

    /** The fields of one line that holds a whole record (such as a header). */
    public static List<String> parseLine(String line) {
        try {
            return new LoghubCsv(new BufferedReader(new java.io.StringReader(line))).next();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not one CSV record: " + line, e);
        }
    }

    /** Physical lines read so far. */
    public long lineNumber() {
        return line;
    }
}
