package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.kafka.KafkaSinks;
import io.logflow.devstack.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sinks' transaction timeout checked against a real broker's {@code transaction.max.timeout.ms}
 * when the job is assembled, before any producer would fail.
 */
class TransactionLimitITCase {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() {
        kafka =
                EmbeddedKafka.builder()
                        .brokerProperty("transaction.max.timeout.ms", "60000")
                        .build()
                        .start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aTimeoutAboveTheBrokersLimitFailsWithBothKeysNamed() {
        assertThatThrownBy(
                        () ->
                                KafkaSinks.checkTransactionTimeout(
                                        kafka.bootstrapServers(),
                                        new Properties(),
                                        Duration.ofMinutes(10),
                                        Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "output.transaction-timeout (PT10M) exceeds the broker's"
                                + " transaction.max.timeout.ms (PT1M)");
    }

    @Test
    void aTimeoutWithinTheLimitPasses() {
        assertThat(
                        KafkaSinks.checkTransactionTimeout(
                                kafka.bootstrapServers(),
                                new Properties(),
                                Duration.ofSeconds(50),
                                Duration.ofSeconds(10)))
                .isEqualTo("transaction timeout PT50S within the broker's PT1M");
    }

    @Test
    void theJobFailsAtAssemblyWithTheBrokersLimit() {
        // The job's own default (10 min) against this broker: refused before anything runs.
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs("--kafka.bootstrap-servers", kafka.bootstrapServers());
        assertThatThrownBy(
                        () ->
                                AnalyticsIO.sinkAll(
                                        AnalyticsJob.defineWorkflow(
                                                AnalyticsIO.source(
                                                        new org.apache.flink.streaming.api
                                                                .environment
                                                                .StreamExecutionEnvironment(),
                                                        config),
                                                config),
                                        config))
                .hasMessageContaining("transaction.max.timeout.ms (PT1M)");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsNotChecked() {
        assertThat(
                        KafkaSinks.checkTransactionTimeout(
                                "127.0.0.1:1",
                                new Properties(),
                                Duration.ofMinutes(10),
                                Duration.ofSeconds(2)))
                .startsWith("the broker did not answer within PT2S")
                .endsWith("transaction.max.timeout.ms not checked");
    }
}
