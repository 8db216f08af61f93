package io.logflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one subcommand: {@code --name value}, {@code --name=value} and bare switches;
 * anything not declared is an error naming the flag.
 */
final class CliArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CliArgs() {}

    /** Parses {@code args}; {@code switches} take no value, {@code options} take one. */
    static CliArgs parse(String command, String[] args, Set<String> options, Set<String> switches) {
        CliArgs out = new CliArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                out.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                out.values.put(name, value == null ? "true" : value);
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new CliException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                out.values.put(name, value);
            } else {
                throw new CliException(
                        command
                                + ": unknown option --"
                                + name
                                + " (see: bin/logflow help "
                                + command
                                + ")");
            }
        }
        return out;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    int port(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(v);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " needs a port number 0-65535, got '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " needs a number, got '" + v + "'");
        }
    }

    Path path(String name, String fallback) {
        return Path.of(get(name, fallback)).toAbsolutePath().normalize();
    }

    List<String> positional() {
        return positional;
    }
}
