package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkRestTest {

    @Test
    void errorsShowTheInnermostCauseNotTheHandlersWrapper() {
        String error =
                "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute"
                    + " application.\n"
                    + "\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.x(J.java:1)\n"
                    + "Caused by: org.apache.flink.util.FlinkRuntimeException: Could not execute"
                    + " application.\n"
                    + "Caused by: java.lang.IllegalArgumentException: Unknown option 'bogus'.\n"
                    + "\tat io.logflow.jobs.config.JobArgs.parse(JobArgs.java:1)\n";
        assertThat(FlinkRest.cause(error)).isEqualTo("Unknown option 'bogus'.");
    }

    @Test
    void anErrorWithoutCauseKeepsItsFirstLine() {
        assertThat(FlinkRest.cause("Job 0123 not found\n\tat x.y(Z.java:1)"))
                .isEqualTo("Job 0123 not found");
        assertThat(
                        FlinkRest.cause(
                                "org.apache.flink.runtime.rest.handler.RestHandlerException: Bad"
                                        + " request, could not parse parameters: Cannot resolve"
                                        + " path parameter (jobid) from value \"0123\"."))
                .isEqualTo(
                        "Bad request, could not parse parameters: Cannot resolve path parameter"
                                + " (jobid) from value \"0123\".");
    }
}
