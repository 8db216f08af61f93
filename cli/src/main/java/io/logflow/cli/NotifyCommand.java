package io.logflow.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.connectors.Secrets;
import io.logflow.connectors.config.ToolArgs;
import io.logflow.notifier.Notifier;
import io.logflow.notifier.NotifierConfig;
import io.logflow.notifier.NotifierConfigException;
import io.logflow.notifier.NotifierConfigReader;
import io.logflow.notifier.ReceiverType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code notify}: delivers the job's alerts from {@code log-alerts} to Alertmanager, webhooks and
 * Slack until Ctrl-C; settings from {@code --config notifier.yaml}, flags overriding it.
 */
final class NotifyCommand {

    static final ConfigOption<String> CONFIG =
            CliOptions.text(
                    "config",
                    "notifier.yaml: routes, headers, tokens, retries and severities (see"
                            + " README, Alert delivery); the flags override it.");
    static final ConfigOption<String> DASHBOARD_URL =
            CliOptions.text("dashboard-url", "The dashboard, for links to a service's page.");
    static final ConfigOption<String> TOPIC = CliOptions.text("topic", "The alerts topic.");
    static final ConfigOption<String> GROUP_ID = CliOptions.text("group-id", "Consumer group id.");
    static final ConfigOption<String> ALERTMANAGER_URL =
            CliOptions.text("alertmanager-url", "Add an Alertmanager receiver for every alert.");
    static final ConfigOption<String> WEBHOOK_URL =
            CliOptions.text("webhook-url", "Add a webhook receiver (LogFlow's JSON body).");
    static final ConfigOption<String> SLACK_URL =
            CliOptions.text("slack-url", "Add a Slack incoming-webhook receiver.");

    /** Flags that set a key of the config file, where they are given. */
    private static final Map<ConfigOption<String>, String> KEYS =
            Map.of(
                    ServiceCommands.KAFKA,
                    NotifierConfigReader.KAFKA_BOOTSTRAP_SERVERS,
                    ServiceCommands.REGISTRY,
                    NotifierConfigReader.REGISTRY_URL,
                    DASHBOARD_URL,
                    NotifierConfigReader.DASHBOARD_URL,
                    TOPIC,
                    NotifierConfigReader.KAFKA_TOPIC,
                    GROUP_ID,
                    NotifierConfigReader.KAFKA_GROUP_ID);

    /** Each adds a receiver named and typed after its key, in this order after the file's. */
    private static final List<ConfigOption<String>> RECEIVERS =
            List.of(ALERTMANAGER_URL, WEBHOOK_URL, SLACK_URL);

    static final ToolArgs ARGS =
            ToolArgs.of(
                    "bin/logflow notify",
                    CONFIG,
                    ServiceCommands.KAFKA,
                    ServiceCommands.REGISTRY,
                    DASHBOARD_URL,
                    ALERTMANAGER_URL,
                    WEBHOOK_URL,
                    SLACK_URL,
                    TOPIC,
                    GROUP_ID,
                    CliOptions.DATA_DIR);

    private NotifyCommand() {}

    static int run(String[] args, Console out) throws Exception {
        NotifierConfig config = config(args);
        Shutdown shutdown = Shutdown.onSignals();
        out.step("Starting the notifier on Kafka " + config.bootstrapServers());
        for (var r : config.receivers()) {
            out.line("Receiver:         " + r);
        }
        out.line("State:            " + config.dataDir());
        Notifier started;
        try {
            started = Notifier.start(config);
        } catch (java.io.IOException e) {
            throw new CliException(
                    "notify: cannot use the state directory " + config.dataDir() + ": " + e);
        }
        try (Notifier notifier = started) {
            while (!notifier.awaitReady(Duration.ofSeconds(10))) {
                if (shutdown.isRequested() || notifier.awaitStopped(Duration.ZERO)) {
                    break;
                }
                out.info(
                        "Waiting for topic "
                                + config.topic()
                                + " on Kafka "
                                + Secrets.maskUrls(config.bootstrapServers())
                                + " ...");
            }
            if (!shutdown.isRequested() && !notifier.awaitStopped(Duration.ZERO)) {
                out.ready(
                        "The notifier is delivering alerts from "
                                + config.topic()
                                + "; press Ctrl-C to stop.");
            }
            while (!shutdown.await(1000)) {
                if (notifier.awaitStopped(Duration.ZERO)) {
                    break;
                }
            }
            if (notifier.failure() != null) {
                System.err.println("logflow: " + notifier.failure());
                return 1;
            }
            out.step("Stopping the notifier");
        }
        return 0;
    }

    /** The settings of {@code args}: the config file, then the flags over it. */
    static NotifierConfig config(String[] args) {
        return read("notify", tree(CliOptions.parse("notify", ARGS, args, List.of()), CONFIG));
    }

    /** True when {@code conf} asks for a notifier: a config file or a receiver flag. */
    static boolean wanted(Configuration conf, ConfigOption<String> file) {
        return conf.contains(file) || RECEIVERS.stream().anyMatch(conf::contains);
    }

    /**
     * The config tree of {@code file}'s file (none: every default), with the flags of {@code conf}
     * over it; the data directory is {@code --data-dir}'s notifier directory unless the file names
     * one and the flag is not given.
     */
    static ObjectNode tree(Configuration conf, ConfigOption<String> file) {
        ObjectNode tree;
        try {
            tree =
                    conf.contains(file)
                            ? NotifierConfigReader.load(CliOptions.path(conf.get(file)))
                            : NotifierConfigReader.empty();
        } catch (NotifierConfigException e) {
            throw new CliException("--" + file.key() + ": " + e.getMessage());
        }
        KEYS.forEach(
                (flag, key) -> {
                    if (conf.contains(flag)) {
                        NotifierConfigReader.set(tree, key, conf.get(flag));
                    }
                });
        if (conf.contains(CliOptions.DATA_DIR) || !tree.has(NotifierConfigReader.DATA_DIR)) {
            Path data = CliOptions.dataDir(conf).resolve(DataDirs.NOTIFIER);
            NotifierConfigReader.set(tree, NotifierConfigReader.DATA_DIR, data.toString());
        }
        for (ConfigOption<String> flag : RECEIVERS) {
            if (conf.contains(flag)) {
                String name = flag.key().substring(0, flag.key().length() - "-url".length());
                ReceiverType type = ReceiverType.valueOf(name.toUpperCase(Locale.ROOT));
                NotifierConfigReader.addReceiver(tree, name, type, conf.get(flag));
            }
        }
        return tree;
    }

    /** Validated settings; a bad key is a one-line error naming it (exit code 2). */
    static NotifierConfig read(String command, ObjectNode tree) {
        try {
            return NotifierConfigReader.read(tree);
        } catch (NotifierConfigException e) {
            throw new CliException(command + ": " + e.getMessage());
        }
    }
}
