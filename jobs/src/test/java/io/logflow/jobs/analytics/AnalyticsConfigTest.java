package io.logflow.jobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.files.FileSinks.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsConfigTest {

    @TempDir Path dir;

    @Test
    void defaultsMatchTheArchitecture() {
        AnalyticsConfig config = AnalyticsConfig.fromArgs();
        assertThat(config.get(AnalyticsOptions.INPUT_TOPICS)).containsExactly("logs");
        assertThat(config.get(AnalyticsOptions.METRICS_TOPIC)).isEqualTo("log-metrics");
        assertThat(config.get(AnalyticsOptions.DLQ_TOPIC)).isEqualTo("logs-dlq");
        assertThat(config.get(AnalyticsOptions.LATE_TOPIC)).isEqualTo("logs-late");
        assertThat(config.windows()).extracting(WindowSpec::name).containsExactly("tumbling-1m");
        assertThat(config.guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(config.minEventTime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    }

    @Test
    void argumentsOverrideTheConfigFile() throws Exception {
        Path yaml = dir.resolve("analytics.yaml");
        Files.writeString(
                yaml,
                "kafka:\n  bootstrap-servers: broker:9092\n"
                        + "windows:\n  - tumbling:30s\n  - sliding:5m/1m\n"
                        + "output:\n  files:\n    format: json\n"
                        + "watermark.out-of-orderness: 10 s\n");
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--config", yaml.toString(), "--kafka.bootstrap-servers=other:1");
        assertThat(config.get(AnalyticsOptions.BOOTSTRAP_SERVERS)).isEqualTo("other:1");
        assertThat(config.windows())
                .extracting(WindowSpec::name)
                .containsExactly("tumbling-30s", "sliding-5m-1m");
        assertThat(config.fileFormat()).isEqualTo(FileFormat.JSON);
        assertThat(config.get(AnalyticsOptions.OUT_OF_ORDERNESS)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void propertiesFilesWorkToo() throws Exception {
        Path props = dir.resolve("analytics.properties");
        Files.writeString(props, "input.topics=a;b\ninput.bounded=true\n");
        AnalyticsConfig config = AnalyticsConfig.fromArgs("--config", props.toString());
        assertThat(config.get(AnalyticsOptions.INPUT_TOPICS)).containsExactly("a", "b");
        assertThat(config.get(AnalyticsOptions.BOUNDED)).isTrue();
    }

    @Test
    void unknownKeysFailWithTheKeyNamed() {
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--window.size", "1m"))
                .hasMessageContaining("Unknown option 'window.size'")
                .hasMessageContaining("windows");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("oops")).hasMessageContaining("'oops'");
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs(
                                        "--config", dir.resolve("x.yaml").toString()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void invalidValuesFailWithTheKeyNamed() {
        assertThatThrownBy(
                        () ->
                                AnalyticsConfig.fromArgs("--watermark.out-of-orderness", "soon")
                                        .get(AnalyticsOptions.OUT_OF_ORDERNESS))
                .hasMessageContaining("watermark.out-of-orderness");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--windows", "hopping:1m"))
                .hasMessageContaining("'windows'")
                .hasMessageContaining("hopping:1m");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--windows", "sliding:5m/2m"))
                .hasMessageContaining("multiple of the slide");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--output.delivery-guarantee", "maybe"))
                .hasMessageContaining("output.delivery-guarantee");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.starting-offsets", "middle"))
                .hasMessageContaining("input.starting-offsets");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--registry.url", "localhost:8085"))
                .hasMessageContaining("registry.url");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--event-time.min", "yesterday"))
                .hasMessageContaining("event-time.min");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--checkpoint.interval", "10s"))
                .hasMessageStartingWith("Unknown option 'checkpoint.interval'")
                .hasMessageContaining("any key starting with execution. or state.");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--top-n", "500"))
                .hasMessageContaining("'top-n'");
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--input.topic-pattern", "logs-("))
                .hasMessageContaining("input.topic-pattern");
    }

    @Test
    void describeMasksSecrets() {
        String text =
                AnalyticsConfig.fromArgs(
                                "--registry.basic-auth", "alice:hunter2",
                                "--kafka.properties.sasl.jaas.config", "secret-jaas",
                                "--kafka.properties.security.protocol", "SASL_SSL")
                        .describe();
        assertThat(text)
                .contains("registry.basic-auth = alice:******")
                .contains("kafka.properties.security.protocol = SASL_SSL")
                .contains("kafka.properties.sasl.jaas.config = ******")
                .doesNotContain("hunter2")
                .doesNotContain("secret-jaas");
    }

    @Test
    void flinkSettingsPassThroughAndCheckpointsAreOnWhenNothingSetsThem() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        AnalyticsJob.configure(
                env,
                AnalyticsConfig.fromArgs(
                        "--execution.checkpointing.interval", "3s",
                        "--state.backend.type", "rocksdb",
                        "--parallelism.default", "3",
                        "--restart-strategy.type", "none"));
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(3_000);
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getConfiguration().get(StateBackendOptions.STATE_BACKEND))
                .isEqualTo("rocksdb");
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("none");
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();

        StreamExecutionEnvironment plain = new StreamExecutionEnvironment();
        AnalyticsJob.configure(plain, AnalyticsConfig.fromArgs());
        assertThat(plain.getCheckpointConfig().getCheckpointInterval())
                .isEqualTo(AnalyticsJob.DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        assertThat(plain.getCheckpointConfig().getCheckpointTimeout())
                .isEqualTo(AnalyticsJob.DEFAULT_CHECKPOINT_TIMEOUT.toMillis());

        // What the cluster's configuration says stands unless an argument overrides it.
        Configuration cluster = new Configuration();
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(7));
        StreamExecutionEnvironment onCluster = new StreamExecutionEnvironment(cluster);
        AnalyticsJob.configure(onCluster, AnalyticsConfig.fromArgs());
        assertThat(onCluster.getCheckpointConfig().getCheckpointInterval()).isEqualTo(7_000);
        assertThat(AnalyticsConfig.fromArgs("--parallelism.default", "3").describe())
                .contains("parallelism.default = 3");
    }

    @Test
    void transactionsMustOutliveACheckpoint() {
        assertThatThrownBy(
                        () ->
                                AnalyticsJob.configure(
                                        new StreamExecutionEnvironment(),
                                        AnalyticsConfig.fromArgs(
                                                "--execution.checkpointing.interval", "9m",
                                                "--execution.checkpointing.timeout", "2m",
                                                "--output.transaction-timeout", "10m")))
                .hasMessage(
                        "output.transaction-timeout (PT10M) must be longer than"
                                + " execution.checkpointing.interval +"
                                + " execution.checkpointing.timeout (PT11M): a transaction"
                                + " stays open from one checkpoint to the next, and one the broker"
                                + " aborts first loses that checkpoint's results");
        // At least once opens no transactions.
        AnalyticsJob.configure(
                new StreamExecutionEnvironment(),
                AnalyticsConfig.fromArgs(
                        "--output.delivery-guarantee", "at-least-once",
                        "--execution.checkpointing.interval", "9m",
                        "--output.transaction-timeout", "10m"));
    }

    @Test
    void twoJobsOnOneKafkaNeverShareADefaultTransactionalIdPrefix() {
        String demo = AnalyticsConfig.fromArgs().transactionalIdPrefix();
        assertThat(demo)
                .matches("logflow-analytics-[0-9a-f]{8}")
                .as("stable: a restarted job finds its own transactions")
                .isEqualTo(AnalyticsConfig.fromArgs().transactionalIdPrefix());
        assertThat(
                        java.util.List.of(
                                AnalyticsConfig.fromArgs("--input.topics", "nginx")
                                        .transactionalIdPrefix(),
                                AnalyticsConfig.fromArgs("--input.topic-pattern", "logs-.*")
                                        .transactionalIdPrefix(),
                                AnalyticsConfig.fromArgs("--input.group-id", "team-b")
                                        .transactionalIdPrefix(),
                                AnalyticsConfig.fromArgs("--output.metrics-topic", "metrics-b")
                                        .transactionalIdPrefix()))
                .doesNotContain(demo)
                .doesNotHaveDuplicates();
        assertThat(
                        AnalyticsConfig.fromArgs("--output.transactional-id-prefix", "mine")
                                .transactionalIdPrefix())
                .isEqualTo("mine");
    }

    @Test
    void describeMasksInlineKeysAndPasswordsInUrls() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs(
                        "--registry.url", "https://svc:url-pass@registry:8081",
                        "--kafka.properties.ssl.keystore.key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
                        "--kafka.properties.ssl.truststore.certificates", "MIIDdzCCAl+gAwIBAgIE",
                        "--kafka.properties.sasl.oauthbearer.token.endpoint.url",
                                "https://id:oauth-pass@idp/token");
        String text = config.describe() + config.registry();
        assertThat(text)
                .contains("registry.url = https://svc:******@registry:8081")
                .contains("kafka.properties.ssl.keystore.key = ******")
                .contains("kafka.properties.ssl.truststore.certificates = ******")
                .doesNotContain("url-pass")
                .doesNotContain("oauth-pass")
                .doesNotContain("MIIEvQ")
                .doesNotContain("MIIDdz");
        // The URL's credentials are the registry's basic auth, and gone from its URL.
        assertThat(config.registry().urls()).containsExactly("https://registry:8081");
    }

    @Test
    void kafkaPropertiesPassThrough() {
        AnalyticsConfig config =
                AnalyticsConfig.fromArgs("--kafka.properties.security.protocol", "SSL");
        assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void patternOptionsReachTheMinerAndABadOneNamesItsKey() {
        var settings =
                AnalyticsConfig.fromArgs(
                                "--patterns.max-templates", "50", "--patterns.similarity", "0.5")
                        .patternSettings();
        assertThat(settings.maxTemplates()).isEqualTo(50);
        assertThat(settings.similarity()).isEqualTo(0.5);
        assertThat(settings.depth()).isEqualTo(4);
        assertThat(settings.windowSize()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> AnalyticsConfig.fromArgs("--patterns.depth", "2"))
                .hasMessage("Invalid pattern settings: patterns.depth must be >= 3, was 2");
    }
}
