package io.logflow.devstack.generator;

import io.logflow.connectors.registry.RegistryClientConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Parses {@link GeneratorMain} arguments into a builder, failing on the first bad one by name. */
final class GeneratorArgs {

    static final String USAGE =
            "Usage: GeneratorMain --kafka host:port --registry http://host:port [--topic logs]"
                + " [--format avro|json|logfmt|nginx|syslog|text|otlp-json|otlp-proto (raw formats"
                + " need no --registry)] [--rate 1000 (0 = as fast as possible)] [--event-rate N]"
                + " [--count N (0 = until stopped)] [--seed 42] [--malformed 0.01] [--late 0.005]"
                + " [--late-by 5m] [--skew 2s] [--v2 0.2] [--incident spike:payments@60s+120s]..."
                + " [--services a,b,c] [--hosts 4] [--start 2026-01-01T00:00:00Z] [--linger-ms 20]"
                + " [--batch-size 262144] [--connect-timeout 10s]";

    private GeneratorArgs() {}

    /**
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value, is
     *     malformed or missing
     */
    static LogGeneratorBuilder parse(String[] args) {
        LogGeneratorBuilder b = LogGenerator.builder();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--kafka":
                    b.bootstrapServers(value);
                    break;
                case "--registry":
                    try {
                        b.registry(RegistryClientConfig.builder(value).build());
                    } catch (IllegalArgumentException e) {
                        throw invalid(option, e.getMessage());
                    }
                    break;
                case "--format":
                    try {
                        b.format(value);
                    } catch (IllegalArgumentException e) {
                        throw invalid(option, e.getMessage());
                    }
                    break;
                case "--topic":
                    b.topic(value);
                    break;
                case "--rate":
                    b.ratePerSecond(nonNegative(option, value));
                    break;
                case "--event-rate":
                    b.eventTimeRate(nonNegative(option, value));
                    break;
                case "--count":
                    b.count((long) nonNegative(option, value));
                    break;
                case "--seed":
                    b.seed((long) number(option, value));
                    break;
                case "--malformed":
                    b.malformedShare(share(option, value));
                    break;
                case "--late":
                    b.lateShare(share(option, value));
                    break;
                case "--late-by":
                    b.lateBy(Incident.parseDuration(checked(option, value)));
                    break;
                case "--skew":
                    b.maxOutOfOrder(Incident.parseDuration(checked(option, value)));
                    break;
                case "--v2":
                    b.v2Share(share(option, value));
                    break;
                case "--incident":
                    try {
                        b.incident(value);
                    } catch (IllegalArgumentException e) {
                        throw invalid(option, e.getMessage());
                    }
                    break;
                case "--services":
                    b.services(Arrays.asList(value.split(",")));
                    break;
                case "--hosts":
                    b.hostsPerService((int) nonNegative(option, value));
                    break;
                case "--start":
                    try {
                        b.startAt(Instant.parse(value));
                    } catch (DateTimeParseException e) {
                        throw invalid(option, "needs an ISO instant like 2026-01-01T00:00:00Z");
                    }
                    break;
                case "--linger-ms":
                    b.producerProperty(
                            "linger.ms", String.valueOf((long) nonNegative(option, value)));
                    break;
                case "--batch-size":
                    b.producerProperty(
                            "batch.size", String.valueOf((long) nonNegative(option, value)));
                    break;
                case "--connect-timeout":
                    b.connectTimeout(Incident.parseDuration(checked(option, value)));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (b.bootstrapServers == null) {
            throw new IllegalArgumentException("Missing required option --kafka");
        }
        if (b.registry == null && b.format.equals("avro")) {
            throw new IllegalArgumentException("Missing required option --registry");
        }
        return b;
    }

    private static double number(String option, String value) {
        try {
            double d = Double.parseDouble(value.replace("_", ""));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(option, "needs a number, got '" + value + "'");
        }
    }

    private static double nonNegative(String option, String value) {
        double d = number(option, value);
        if (d < 0) {
            throw invalid(option, "must be >= 0, got " + value);
        }
        return d;
    }

    private static double share(String option, String value) {
        double d = number(option, value);
        if (d < 0 || d > 1) {
            throw invalid(option, "must be a share between 0 and 1, got " + value);
        }
        return d;
    }

    private static String checked(String option, String value) {
        try {
            Incident.parseDuration(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String option, String reason) {
        return new IllegalArgumentException("Option " + option + ": " + reason);
    }
}
