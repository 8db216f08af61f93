package io.logflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of one JFR recording (method samples of every thread): the share of samples per
 * task (thread name without its subtask suffix), per method on top of the stack (self), and per
 * LogFlow method anywhere in the stack (inclusive) — the profile that says where a scenario's CPU
 * went.
 */
final class ProfileSummary {

    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private int samples;

    private ProfileSummary() {}

    /** Reads every {@code jdk.ExecutionSample} of {@code recording}. */
    static ProfileSummary of(Path recording) throws IOException {
        ProfileSummary summary = new ProfileSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    summary.add(event);
                }
            }
        }
        return summary;
    }

    private void add(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        String thread =
                event.getThread("sampledThread") == null
                        ? "?"
                        : task(event.getThread("sampledThread").getJavaName());
        threads.merge(thread, 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(method(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            // Framework frames (Thread.run, the mailbox loop) are in every stack and say nothing.
            if (frame.getMethod() != null
                    && frame.getMethod().getType().getName().startsWith("io.logflow.")) {
                String m = method(frame);
                if (seen.add(m)) {
                    inclusive.merge(m, 1, Integer::sum);
                }
            }
        }
    }

    /** "window-stats-... (1/2)#0" and "(2/2)#0" are the same task. */
    static String task(String thread) {
        if (thread == null) {
            return "?";
        }
        String t = thread.replaceAll(" \\(\\d+/\\d+\\)#\\d+$", "");
        return t.length() > 90 ? t.substring(0, 87) + "..." : t;
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** A markdown section: samples, then the top {@code n} of each table. */
    String markdown(String title, int n) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "%,d method samples.%n%n", samples));
        table(out, "Thread (task)", threads, n);
        table(out, "Self (top of stack)", self, n);
        table(out, "LogFlow method, inclusive (anywhere in the stack)", inclusive, n);
        return out.toString();
    }

    private void table(StringBuilder out, String what, Map<String, Integer> counts, int n) {
        out.append("| ").append(what).append(" | samples | share |\n|---|---:|---:|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .forEach(
                        e ->
                                out.append(
                                        String.format(
                                                Locale.ROOT,
                                                "| `%s` | %,d | %.1f%% |%n",
                                                e.getKey().replace("|", "\\|"),
                                                e.getValue(),
                                                100.0 * e.getValue() / Math.max(1, samples))));
        out.append('\n');
    }

    int samples() {
        return samples;
    }
}
