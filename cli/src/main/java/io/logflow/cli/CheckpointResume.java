package io.logflow.cli;

import io.logflow.connectors.config.OptionArgs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
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
        if (!sets(jobArgs, CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)) {
            out.addAll(
                    new OptionArgs()
                            .set(
                                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION)
                            .list());
        }
        if (fresh || sets(jobArgs, StateRecoveryOptions.SAVEPOINT_PATH)) {
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
        // CLAIM: the new job owns the old checkpoint and deletes it once it is subsumed, so the
        // directory does not fill up restart after restart.
        OptionArgs recovery =
                new OptionArgs()
                        .set(StateRecoveryOptions.SAVEPOINT_PATH, latest.get())
                        .set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        if (dropUnknownState) {
            recovery.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        out.addAll(recovery.list());
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

    private static boolean sets(List<String> args, ConfigOption<?> option) {
        String flag = "--" + option.key();
        return args.stream().anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
    }
}
