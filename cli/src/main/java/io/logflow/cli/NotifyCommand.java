package io.logflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflow.connectors.Defaults;
import io.logflow.connectors.Secrets;
import io.logflow.notifier.Notifier;
import io.logflow.notifier.NotifierConfig;
import io.logflow.notifier.NotifierConfigException;
import io.logflow.notifier.NotifierConfigReader;
import io.logflow.notifier.ReceiverType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code notify}: delivers the job's alerts from {@code log-alerts} to Alertmanager, webhooks and
 * Slack until Ctrl-C; settings from {@code --config notifier.yaml}, flags overriding it.
 */
final class NotifyCommand {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: bin/logflow notify [--config notifier.yaml] [options]",
                    "  --kafka HOST:PORT        default 127.0.0.1:" + Defaults.KAFKA_PORT,
                    "  --registry URL           default http://127.0.0.1:" + Defaults.REGISTRY_PORT,
                    "  --dashboard-url URL      the dashboard, for links to a service's page",
                    "  --alertmanager-url URL   add an Alertmanager receiver for every alert",
                    "  --webhook-url URL        add a webhook receiver (LogFlow's JSON body)",
                    "  --slack-url URL          add a Slack incoming-webhook receiver",
                    "  --data-dir DIR           state in DIR/notifier (default .logflow)",
                    "Routes, headers, tokens, retries and severities: see README, Alert"
                            + " delivery.");

    /** Flags that set a key of the config file. */
    private static final Map<String, String> KEYS =
            Map.of(
                    "kafka", "kafka.bootstrap-servers",
                    "registry", "registry.url",
                    "dashboard-url", "dashboard-url",
                    "topic", "kafka.topic",
                    "group-id", "kafka.group-id");

    private static final Map<String, ReceiverType> RECEIVERS =
            Map.of(
                    "alertmanager-url", ReceiverType.ALERTMANAGER,
                    "webhook-url", ReceiverType.WEBHOOK,
                    "slack-url", ReceiverType.SLACK);

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
        Set<String> options = new java.util.HashSet<>(KEYS.keySet());
        options.addAll(RECEIVERS.keySet());
        options.add("config");
        options.add("data-dir");
        CliArgs a = CliArgs.parse("notify", args, options, Set.of());
        return read("notify", tree(a, "config"));
    }

    /**
     * The config tree of {@code configFlag}'s file (none: every default), with the flags of this
     * command over it; null when neither a file nor a receiver flag is given.
     */
    static ObjectNode tree(CliArgs a, String configFlag) {
        boolean any = a.has(configFlag) || RECEIVERS.keySet().stream().anyMatch(a::has);
        if (!any && !configFlag.equals("config")) {
            return null;
        }
        ObjectNode tree;
        try {
            tree =
                    a.has(configFlag)
                            ? NotifierConfigReader.load(a.path(configFlag, null))
                            : NotifierConfigReader.empty();
        } catch (NotifierConfigException e) {
            throw new CliException("--" + configFlag + ": " + e.getMessage());
        }
        KEYS.forEach(
                (flag, key) -> {
                    if (a.has(flag)) {
                        NotifierConfigReader.set(tree, key, a.get(flag, null));
                    }
                });
        if (a.has("data-dir") || !tree.has("data-dir")) {
            Path data = a.path("data-dir", Defaults.DATA_DIR);
            NotifierConfigReader.set(tree, "data-dir", data.resolve(DataDirs.NOTIFIER).toString());
        }
        for (String flag : new String[] {"alertmanager-url", "webhook-url", "slack-url"}) {
            if (a.has(flag)) {
                String name = flag.substring(0, flag.length() - "-url".length());
                NotifierConfigReader.addReceiver(
                        tree, name, RECEIVERS.get(flag), a.get(flag, null));
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

    /** The receiver flags, for commands that start a notifier beside other things. */
    static Set<String> receiverFlags() {
        return RECEIVERS.keySet();
    }
}
