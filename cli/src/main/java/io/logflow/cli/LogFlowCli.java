package io.logflow.cli;

import io.logflow.connectors.Defaults;
import io.logflow.connectors.config.ToolArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code bin/logflow}: the demo, local job runs, the generator and single dev services. */
public final class LogFlowCli {

    private static final ToolArgs DATA_DIR = ToolArgs.of("bin/logflow", CliOptions.DATA_DIR);

    private LogFlowCli() {}

    public static void main(String[] args) {
        int code;
        Console out = new Console(System.out);
        try {
            code = run(args, out);
        } catch (CliException e) {
            System.err.println("logflow: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            // Unexpected: still one readable line first; the details are in the log file.
            System.err.println("logflow: " + e + " (details in " + logDir() + "/logflow.log)");
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args, Console out) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        // Here, not in each command: before the log directory is made or anything starts.
        if (Help.COMMANDS.contains(command) && ToolArgs.wantsHelp(rest)) {
            out.info(Help.text(command, rest));
            return 0;
        }
        // patterns reads a file and prints; every other command starts services that log.
        if (Help.COMMANDS.contains(command) && !command.equals("patterns")) {
            // Before any logger exists: everything the services log goes under the data dir.
            Path logs = dataDir(rest).resolve(DataDirs.LOGS);
            Files.createDirectories(logs);
            System.setProperty("logflow.log.dir", logs.toString());
            System.setProperty("log.file", logs.resolve("logflow.log").toString());
        }
        switch (command) {
            case "demo":
                return DemoCommand.run(rest, out);
            case "run":
                return RunCommand.run(rest, out);
            case "generate":
                // --data-dir only places the log file; the generator has no data of its own.
                io.logflow.devstack.generator.GeneratorMain.main(withoutDataDir(rest));
                return 0;
            case "kafka":
                return ServiceCommands.kafka(rest, out);
            case "registry":
                return ServiceCommands.registry(rest, out);
            case "dashboard":
                return ServiceCommands.dashboard(rest, out);
            case "notify":
                return NotifyCommand.run(rest, out);
            case "cluster":
                return ClusterCommand.run(rest, out);
            case "patterns":
                return PatternsCommand.run(rest);
            case "chaos":
                return ChaosCommand.run(rest, out);
            case "help":
            case "--help":
            case "-h":
                out.info(
                        rest.length == 0
                                ? Help.text(null)
                                : Help.text(rest[0], Arrays.copyOfRange(rest, 1, rest.length)));
                return 0;
            default:
                throw new CliException("unknown command '" + command + "'; try: bin/logflow help");
        }
    }

    /** Where the logs go, before the command parses (and names any error in) its flags. */
    private static Path dataDir(String[] args) {
        try {
            return CliOptions.dataDir(DATA_DIR.parse(DATA_DIR.split(args).ownArgs()));
        } catch (IllegalArgumentException e) {
            return CliOptions.path(CliOptions.DATA_DIR.defaultValue());
        }
    }

    private static String[] withoutDataDir(String[] args) {
        return DATA_DIR.split(args).rest().toArray(String[]::new);
    }

    private static String logDir() {
        return System.getProperty("logflow.log.dir", Defaults.DATA_DIR + "/" + DataDirs.LOGS);
    }
}
