package io.logflow.jobs.patterns;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads log messages from a file: one message per line, or the {@code Content} column of a Loghub
 * structured CSV, which {@link Format#AUTO} recognises by its header.
 */
public final class MessageReader implements Closeable {

    /** How the file holds its messages. */
    public enum Format {
        LINES,
        LOGHUB_CSV,
        AUTO
    }

    private final BufferedReader in;
    private final LoghubCsv csv;
    private final int contentColumn;
    private final int columns;
    private final Path file;
    private String pending;

    private MessageReader(Path file, BufferedReader in, Format format) throws IOException {
        this.file = file;
        this.in = in;
        String first = in.readLine();
        boolean loghub = format == Format.LOGHUB_CSV || (format == Format.AUTO && isLoghub(first));
        if (!loghub) {
            this.csv = null;
            this.contentColumn = -1;
            this.columns = 0;
            this.pending = first;
            return;
        }
        List<String> header = first == null ? List.of() : LoghubCsv.parseLine(first);
        this.contentColumn = header.indexOf("Content");
        if (contentColumn < 0) {
            throw new IOException(file + " is not a Loghub structured CSV: no Content column");
        }
        this.columns = header.size();
        this.csv = new LoghubCsv(in);
    }

    /** Opens a file; fails with a message naming the file when it cannot be read. */
    public static MessageReader open(Path file, Format format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        return new MessageReader(
                file, Files.newBufferedReader(file, StandardCharsets.UTF_8), format);
    }

    /** A Loghub structured CSV starts with a header naming LineId and Content columns. */
    static boolean isLoghub(String firstLine) {
        return firstLine != null
                && firstLine.startsWith("LineId,")
                && LoghubCsv.parseLine(firstLine).contains("Content");
    }

    /** The next message, or null at the end of the file. */
    public String next() throws IOException {
        if (csv == null) {
            if (pending != null) {
                String line = pending;
                pending = null;
                return line;
            }
            return in.readLine();
        }
        List<String> record = csv.next();
        if (record == null) {
            return null;
        }
        if (record.size() != columns) {
            throw new IOException(
                    file
                            + ": record ending on line "
                            + (csv.lineNumber() + 1)
                            + " has "
                            + record.size()
                            + " fields, the header "
                            + columns);
        }
        return record.get(contentColumn);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
