package io.logflow.jobs;

import io.logflow.connectors.config.ToolArgs;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsJob;
import io.logflow.jobs.normalize.NormalizeJob;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.client.program.ProgramParametrizationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The jobs jar's entry point: {@code flink run logflow-jobs.jar <job> [--key value ...]}. */
public final class LogFlowJobs {

    static final String COMMAND = "flink run logflow-jobs.jar";

    private static final List<String> JOBS = List.of(AnalyticsJob.NAME, NormalizeJob.NAME);

    private LogFlowJobs() {}

    // No System.exit here: submitted through the REST API, main() runs inside the JobManager,
    // and an exit would take the whole cluster down. Flink's CLI and REST both report the
    // exception's message.
    //
    // A usage asked for, and any wrong argument, is thrown as a ProgramParametrizationException:
    // Flink's CLI prints that one's message alone (others come inside "The main method caused an
    // error" and a stack trace), and REST answers with it. Printed with a plain return instead, it
    // would exit 0 on
    // the CLI, but on REST it would land in the JobManager's stdout file while the answer said
    // only "No jobs included in application".
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ToolArgs.wantsHelp(args[0])) {
            throw new ProgramParametrizationException(usage());
        }
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new ProgramParametrizationException("No job named.\n" + usage());
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (JOBS.contains(args[0]) && ToolArgs.wantsHelp(rest)) {
            throw new ProgramParametrizationException(usage(args[0]));
        }
        switch (args[0]) {
            case AnalyticsJob.NAME:
                AnalyticsJob.run(
                        StreamExecutionEnvironment.getExecutionEnvironment(), options(rest));
                break;
            case NormalizeJob.NAME:
                NormalizeJob.run(
                        StreamExecutionEnvironment.getExecutionEnvironment(), options(rest));
                break;
            default:
                throw new ProgramParametrizationException(
                        "Unknown job '" + args[0] + "'.\n" + usage());
        }
    }

    /** The job's options; one that is unknown or does not parse names itself, without a trace. */
    private static AnalyticsConfig options(String[] args) {
        try {
            return AnalyticsConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new ProgramParametrizationException(e.getMessage());
        }
    }

    static String usage() {
        return "Usage: "
                + COMMAND
                + " <job> [--key value ...]\n"
                + "Jobs:\n"
                + "  analytics   per-service windowed metrics of the log stream\n"
                + "  normalize   raw sources (input.sources) to Avro LogEvents on logs, exactly"
                + " once\n"
                + "A job's options: "
                + COMMAND
                + " <job> --help";
    }

    /** Both jobs read the same options; the usage line names the one asked about. */
    static String usage(String job) {
        return AnalyticsConfig.args(COMMAND + " " + job).usage();
    }
}
