package io.logflow.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Local runs ({@code demo}, {@code run}) resume where the last one stopped: checkpoints are
 * retained when the job is cancelled (Ctrl-C), and the next start restores the newest complete one
 * below the checkpoint directory, so a window spanning the restart is whole. Flink's own keys that
 * a user set win over these.
 */
final class CheckpointResume {

    static final String RETENTION = "execution.checkpointing.externalized-checkpoint-retention";
    static final String RECOVERY_PATH = "execution.state-recovery.path";
    static final String CLAIM_MODE = "execution.state-recovery.claim-mode";
    static final String IGNORE_UNCLAIMED = "execution.state-recovery.ignore-unclaimed-state";

    private CheckpointResume() {}

    /**
     * {@code jobArgs} plus retention on cancellation and, unless {@code fresh}, recovery from the
     * newest retained checkpoint under {@code checkpointDir}; {@code note} hears which one. {@code
     * dropUnknownState} lets a restart with other window definitions drop the old ones' state
     * instead of failing.
     */
    static List<String> apply(
            List<String> jobArgs,
            String checkpointDir,
            boolean fresh,
            boolean dropUnknownState,
            java.util.function.Consumer<String> note)
            throws IOException {
        List<String> out = new ArrayList<>(jobArgs);
        if (!sets(jobArgs, RETENTION)) {
            out.addAll(List.of("--" + RETENTION, "RETAIN_ON_CANCELLATION"));
        }
        if (fresh || sets(jobArgs, RECOVERY_PATH)) {
            return out;
        }
        Optional<String> latest = latest(checkpointDir);
        if (latest.isEmpty()) {
            return out;
        }
        note.accept(
                "Resuming from "
                        + latest.get()
                        + " (the last run's newest checkpoint; --fresh starts over)");
        out.addAll(List.of("--" + RECOVERY_PATH, latest.get()));
        // CLAIM: the new job owns the old checkpoint and deletes it once it is subsumed, so the
        // directory does not fill up restart after restart.
        out.addAll(List.of("--" + CLAIM_MODE, "CLAIM"));
        if (dropUnknownState) {
            out.addAll(List.of("--" + IGNORE_UNCLAIMED, "true"));
        }
        return out;
    }

    /** The newest {@code <job-id>/chk-<n>} below {@code checkpointDir} with its metadata file. */
    static Optional<String> latest(String checkpointDir) throws IOException {
        Path root = new Path(checkpointDir);
        FileSystem fs = root.getFileSystem();
        if (!fs.exists(root)) {
            return Optional.empty();
        }
        FileStatus best = null;
        for (FileStatus job : list(fs, root)) {
            if (!job.isDir()) {
                continue;
            }
            for (FileStatus chk : list(fs, job.getPath())) {
                if (!chk.isDir() || !chk.getPath().getName().matches("chk-\\d+")) {
                    continue;
                }
                Path metadata = new Path(chk.getPath(), "_metadata");
                if (fs.exists(metadata)) {
                    FileStatus m = fs.getFileStatus(metadata);
                    if (best == null || m.getModificationTime() > best.getModificationTime()) {
                        best = m;
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(m -> m.getPath().getParent().toString());
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        FileStatus[] entries = fs.listStatus(dir);
        return entries == null ? new FileStatus[0] : entries;
    }

    private static boolean sets(List<String> args, String key) {
        return args.stream().anyMatch(a -> a.equals("--" + key) || a.startsWith("--" + key + "="));
    }
}
