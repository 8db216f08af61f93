package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.notifier.NotifierConfig;
import io.logflow.notifier.ReceiverType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCommandTest {

    @TempDir Path tmp;

    @Test
    void flagsOverTheConfigFile() throws Exception {
        Path file = tmp.resolve("notifier.yaml");
        Files.writeString(
                file,
                "kafka:\n  bootstrap-servers: file:9092\n  group-id: pager\n"
                        + "receivers:\n  - name: ops\n    type: webhook\n"
                        + "    url: https://hooks.example.com/ops\n");
        NotifierConfig c =
                NotifyCommand.config(
                        new String[] {
                            "--config",
                            file.toString(),
                            "--kafka",
                            "flag:9092",
                            "--alertmanager-url",
                            "http://127.0.0.1:9093",
                            "--data-dir",
                            tmp.resolve("data").toString()
                        });
        assertThat(c.bootstrapServers()).isEqualTo("flag:9092");
        assertThat(c.groupId()).isEqualTo("pager");
        assertThat(c.dataDir()).isEqualTo(tmp.resolve("data").resolve("notifier"));
        assertThat(c.receivers())
                .extracting(r -> r.name() + " " + r.type())
                .containsExactly(
                        "ops " + ReceiverType.WEBHOOK, "alertmanager " + ReceiverType.ALERTMANAGER);
    }

    @Test
    void aBadConfigIsOneLineNamingTheKey() throws Exception {
        Path file = tmp.resolve("notifier.yaml");
        Files.writeString(file, "receivers:\n  - type: webhook\n    url: hooks.example.com\n");
        String[] args = {"--config", file.toString(), "--data-dir", tmp.toString()};
        assertThatThrownBy(() -> LogFlowCli.run(prepend("notify", args), new Console(System.out)))
                .isInstanceOf(CliException.class)
                .hasMessage(
                        "notify: receivers[0].url: needs an http:// or https:// URL with a host,"
                                + " got 'hooks.example.com'");
        assertThatThrownBy(() -> NotifyCommand.config(new String[] {"--data-dir", tmp.toString()}))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("notify: receivers: none configured");
        assertThatThrownBy(() -> NotifyCommand.config(new String[] {"--pager", "x"}))
                .hasMessage(
                        "notify: Unknown option 'pager'. Known options: alertmanager-url, config,"
                                + " dashboard-url, data-dir, group-id, kafka, registry, slack-url,"
                                + " topic, webhook-url");
    }

    @Test
    void theDemoChecksItsNotifierFlagsBeforeStartingAnything() {
        assertThatThrownBy(
                        () ->
                                LogFlowCli.run(
                                        new String[] {
                                            "demo",
                                            "--data-dir",
                                            tmp.resolve("demo").toString(),
                                            "--alertmanager-url",
                                            "localhost:9093"
                                        },
                                        new Console(System.out)))
                .isInstanceOf(CliException.class)
                .hasMessage(
                        "demo: receivers[0].url: needs an http:// or https:// URL with a host, got"
                                + " 'localhost:9093'");
        assertThat(tmp.resolve("demo").resolve("kafka")).doesNotExist();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
