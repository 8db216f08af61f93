package io.logflow.jobs;

import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.normalize.NormalizeJob;
import java.util.Arrays;

/** The jobs jar's entry point: {@code flink run logflow-jobs.jar <job> [--key value ...]}. */
public final class LogFlowJobs {

    private LogFlowJobs() {}

    // No System.exit here: submitted through the REST API, main() runs inside the JobManager,
    // and an exit would take the whole cluster down. Flink's CLI and REST both report the
    // exception's message.
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("No job named.\n" + usage());
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case AnalyticsJob.NAME:
                AnalyticsJob.main(rest);
                break;
            case NormalizeJob.NAME:
                NormalizeJob.main(rest);
                break;
            default:
                throw new IllegalArgumentException("Unknown job '" + args[0] + "'.\n" + usage());
        }
    }

    static String usage() {
        return "Usage: flink run logflow-jobs.jar <job> [--key value ...]\n"
                + "Jobs:\n"
                + "  analytics   per-service windowed metrics of the log stream\n"
                + "  normalize   raw sources (input.sources) to Avro LogEvents on logs, exactly"
                + " once\n"
                + "Options are listed in README.md; --config <file.yaml|.properties> reads them"
                + " from a file.";
    }
}
