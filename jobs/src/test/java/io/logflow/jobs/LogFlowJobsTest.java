package io.logflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsOptions;
import org.apache.flink.client.program.ProgramParametrizationException;
import org.junit.jupiter.api.Test;

class LogFlowJobsTest {

    @Test
    void helpAfterAJobIsThatJobsGeneratedUsage() {
        String analytics = AnalyticsConfig.args("flink run logflow-jobs.jar analytics").usage();
        assertThatThrownBy(() -> LogFlowJobs.main(new String[] {"analytics", "--help"}))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessage(analytics);
        assertThat(analytics)
                .startsWith("Usage: flink run logflow-jobs.jar analytics [--key value]...\n")
                .contains(
                        "\n  --" + AnalyticsOptions.GROUP_ID.key() + " VALUE ",
                        " Default: " + AnalyticsOptions.GROUP_ID.defaultValue() + ".\n",
                        "\n  --config FILE ");
        assertThatThrownBy(
                        () ->
                                LogFlowJobs.main(
                                        new String[] {
                                            "normalize", "--input.sources", "a=json", "-h"
                                        }))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessage(
                        "Usage: flink run logflow-jobs.jar normalize [--key value]..."
                                + analytics.substring(analytics.indexOf('\n')));
    }

    @Test
    void helpWithoutAJobListsTheJobs() {
        assertThatThrownBy(() -> LogFlowJobs.main(new String[] {"--help"}))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessage(
                        "Usage: flink run logflow-jobs.jar <job> [--key value ...]\n"
                                + "Jobs:\n"
                                + "  analytics   per-service windowed metrics of the log stream\n"
                                + "  normalize   raw sources (input.sources) to Avro LogEvents on"
                                + " logs, exactly once\n"
                                + "A job's options: flink run logflow-jobs.jar <job> --help");
        assertThatThrownBy(() -> LogFlowJobs.main(new String[0]))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessageStartingWith("No job named.\nUsage: flink run logflow-jobs.jar <job>");
        assertThatThrownBy(() -> LogFlowJobs.main(new String[] {"nope", "--help"}))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessageStartingWith("Unknown job 'nope'.\n");
    }

    @Test
    void anUnknownOptionIsStillTheJobsError() {
        // Flink's CLI prints a ProgramParametrizationException's message alone, with no trace.
        assertThatThrownBy(() -> LogFlowJobs.main(new String[] {"analytics", "--helpme", "1"}))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessageStartingWith("Unknown option 'helpme'. Known options: ");
        assertThatThrownBy(() -> LogFlowJobs.main(new String[] {"normalize", "--windows", "daily"}))
                .isInstanceOf(ProgramParametrizationException.class)
                .hasMessageContaining("'windows'")
                .hasMessageContaining("daily");
    }
}
