package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --fresh}: deletes what LogFlow created, nothing else, and no running cluster. */
class FreshDataDirTest {

    @TempDir Path dir;

    @Test
    void everyDirectoryLogFlowCreatesIsDeleted() throws Exception {
        Path data = dir.resolve(".logflow");
        for (String name : DataDirs.ALL) {
            Files.createDirectories(data.resolve(name).resolve("inner"));
            Files.writeString(data.resolve(name).resolve("inner/file"), "x");
        }
        assertThat(DemoCommand.wipe(data)).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void aRunningClustersDirectoryIsLeftAlone() throws Exception {
        Path data = dir.resolve(".logflow");
        Files.createDirectories(data.resolve(DataDirs.KAFKA));
        Path cluster = Files.createDirectories(data.resolve(DataDirs.CLUSTER));
        // A live process stands for the cluster's JobManager: this test's own JVM.
        Files.writeString(
                cluster.resolve("jobmanager.pid"), String.valueOf(ProcessHandle.current().pid()));
        assertThat(DemoCommand.wipe(data))
                .containsExactly("cluster (a running cluster; bin/logflow cluster stop ends it)");
        assertThat(cluster.resolve("jobmanager.pid")).exists();
        assertThat(data.resolve(DataDirs.KAFKA)).doesNotExist();
    }

    @Test
    void aStoppedClustersDirectoryGoesToo() throws Exception {
        Path data = dir.resolve(".logflow");
        Path cluster = Files.createDirectories(data.resolve(DataDirs.CLUSTER));
        Files.writeString(cluster.resolve("jobmanager.pid"), "999999999");
        assertThat(DemoCommand.wipe(data)).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void anythingElseIsRefusedAndNothingIsDeleted() throws Exception {
        Path data = dir.resolve(".logflow");
        Files.createDirectories(data.resolve(DataDirs.KAFKA));
        Files.writeString(data.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> DemoCommand.wipe(data))
                .isInstanceOf(CliException.class)
                .hasMessage(
                        "--fresh: "
                                + data
                                + " holds notes.txt, which LogFlow did not create; not deleting"
                                + " it");
        assertThat(data.resolve(DataDirs.KAFKA)).exists();
    }
}
