package io.logflow.notifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The transitions each receiver has taken (or that were dead-lettered for it), one {@code
 * receiver<TAB>alertId|STATE} line each, appended and forced to disk before the record's offset is
 * committed: a record read again after a crash is never delivered twice. Compacted on open to its
 * newest {@link #MAX_KEYS} distinct lines; records older than those are behind committed offsets.
 */
final class DeliveredLog implements AutoCloseable {

    static final int MAX_KEYS = 100_000;
    static final String FILE = "delivered.log";

    private final Set<String> keys = new LinkedHashSet<>();
    private final FileChannel out;

    DeliveredLog(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                // A line cut short by a crash has no tab or state: it was never acknowledged.
                if (line.indexOf('\t') > 0
                        && (line.endsWith("|FIRING") || line.endsWith("|RESOLVED"))) {
                    keys.remove(line);
                    keys.add(line);
                }
            }
            List<String> kept = new ArrayList<>(keys);
            if (kept.size() > MAX_KEYS) {
                kept = kept.subList(kept.size() - MAX_KEYS, kept.size());
                keys.retainAll(new java.util.HashSet<>(kept));
            }
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        out =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
    }

    boolean contains(String receiver, String key) {
        return keys.contains(receiver + "\t" + key);
    }

    void add(String receiver, String key) throws IOException {
        String line = receiver + "\t" + key;
        if (keys.add(line)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
    }

    int size() {
        return keys.size();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
