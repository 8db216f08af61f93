package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflow.connectors.Defaults;
import io.logflow.dashboard.prometheus.LogMetricsExporter;
import io.logflow.jobs.LogFlowJobs;
import io.logflow.jobs.analytics.AnalyticsConfig;
import io.logflow.jobs.analytics.AnalyticsOptions;
import io.logflow.schema.LatencySummary;
import io.logflow.schema.WindowStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the files under {@code docker/} against the code: pinned images, ports and topics from
 * {@link Defaults}, job options from {@link AnalyticsOptions}, the shaded jar's name. Nothing is
 * built or run (no Docker engine is needed); SnakeYAML (YAML 1.1, so compose's {@code <<} merge
 * keys resolve) is on the test classpath through the Kafka broker.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final String USRLIB_JAR = "/opt/flink/usrlib/logflow-jobs.jar";
    private static final String PROMETHEUS_FACTORY =
            "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    // Prometheus images tag releases v0.28.1: a leading v is still a pinned version.
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:v?[0-9][A-Za-z0-9._-]*");

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files)
                .extracting(p -> DOCKER.relativize(p).toString())
                .contains("compose.yaml", "flink/config.yaml", "k8s/flink-deployment.yaml");
        for (Path file : files) {
            assertThat(load(file)).as(file.toString()).isInstanceOf(Map.class).isNotEmpty();
        }
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        for (Path dockerfile : dockerfiles()) {
            Set<String> stages = new java.util.HashSet<>();
            for (String line : read(dockerfile).lines().toList()) {
                Matcher m = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(line);
                if (m.find()) {
                    if (!stages.contains(m.group(1))) {
                        images.add(m.group(1));
                    }
                    if (m.group(2) != null) {
                        stages.add(m.group(2));
                    }
                }
            }
        }
        for (Path file : yamlFiles()) {
            collect(load(file), "image", images);
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(8);
        assertThat(images)
                .allSatisfy(
                        image -> {
                            assertThat(image).matches(PINNED);
                            assertThat(image).doesNotContain("latest");
                        });
    }

    @Test
    void flinkImageMatchesTheFlinkVersionAndCopiesTheShadedJar() throws IOException {
        String rootPom = read(ROOT.resolve("pom.xml"));
        String flinkVersion = tag(rootPom, "flink.version");
        String version = tag(rootPom.substring(rootPom.indexOf("</parent>") + 1), "version");
        String jobsPom = read(ROOT.resolve("jobs/pom.xml"));
        String artifactId = tag(jobsPom.substring(jobsPom.indexOf("</parent>")), "artifactId");
        String classifier = tag(jobsPom, "shadedClassifierName");
        String jar = artifactId + "-" + version + "-" + classifier + ".jar";
        assertThat(jar).isEqualTo("logflow-jobs-0.1.0-SNAPSHOT-flink.jar");
        Path target = ROOT.resolve("jobs/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                List<String> shaded =
                        s.map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith("-" + classifier + ".jar"))
                                .toList();
                if (!shaded.isEmpty()) {
                    assertThat(shaded).containsExactly(jar);
                }
            }
        }

        String dockerfile = read(DOCKER.resolve("flink/Dockerfile"));
        assertThat(fromLines(dockerfile))
                .containsExactly(
                        "maven:3.9.11-eclipse-temurin-17", "flink:" + flinkVersion + "-java17");
        assertThat(dockerfile)
                .contains("-pl jobs -am")
                .containsPattern(
                        "COPY --from=build\\s+(--chown=\\S+\\s+)?/src/jobs/target/"
                                + Pattern.quote(jar)
                                + "\\s+"
                                + Pattern.quote(USRLIB_JAR))
                .contains(
                        "COPY --chown=flink:flink docker/flink/config.yaml"
                                + " /opt/flink/conf/config.yaml");
    }

    @Test
    void composeHasTheServicesPortsAndTopicsOfTheCode() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        assertThat(services.keySet())
                .containsExactlyInAnyOrder(
                        "kafka",
                        "schema-registry",
                        "create-topics",
                        "jobmanager",
                        "taskmanager",
                        "generator",
                        "dashboard",
                        "notifier",
                        "alertmanager",
                        "prometheus",
                        "grafana");

        Map<String, List<String>> published = new LinkedHashMap<>();
        services.forEach(
                (name, spec) -> {
                    Object ports = ((Map<?, ?>) spec).get("ports");
                    if (ports != null) {
                        published.put(
                                name, ((List<?>) ports).stream().map(String::valueOf).toList());
                    }
                });
        assertThat(published)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                // Published on the host's loopback only: secure by default.
                                "kafka", List.of("127.0.0.1:" + Defaults.KAFKA_PORT + ":9092"),
                                "schema-registry",
                                        List.of("127.0.0.1:" + Defaults.REGISTRY_PORT + ":8081"),
                                "jobmanager", List.of("127.0.0.1:" + Defaults.FLINK_PORT + ":8081"),
                                "prometheus", List.of("127.0.0.1:9090:9090"),
                                "grafana", List.of("127.0.0.1:3000:3000"),
                                "dashboard",
                                        List.of(
                                                "127.0.0.1:"
                                                        + Defaults.DASHBOARD_PORT
                                                        + ":"
                                                        + Defaults.DASHBOARD_PORT),
                                "alertmanager", List.of("127.0.0.1:9093:9093")));

        Map<String, Object> kafkaEnv = map(map(services, "kafka"), "environment");
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS"))
                .isEqualTo("INTERNAL://kafka:29092,HOST://localhost:" + Defaults.KAFKA_PORT);
        assertThat(kafkaEnv)
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 1)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 1)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 1);
        assertThat(map(map(services, "schema-registry"), "environment"))
                .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "kafka:29092")
                .containsEntry("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_TOPIC", "_schemas");

        String script = String.join("\n", strings(map(services, "create-topics"), "command"));
        Matcher topic =
                Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)").matcher(script);
        Map<String, Integer> topics = new HashMap<>();
        while (topic.find()) {
            topics.put(topic.group(1), Integer.parseInt(topic.group(2)));
        }
        assertThat(topics)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                Defaults.TOPIC_LOGS, 2,
                                Defaults.TOPIC_METRICS, 1,
                                Defaults.TOPIC_DLQ, 1,
                                Defaults.TOPIC_LATE, 1,
                                Defaults.TOPIC_PATTERNS, 1,
                                Defaults.TOPIC_ALERTS, 1));
        assertThat(script).contains("/opt/kafka/bin/kafka-topics.sh");
    }

    @Test
    void composeStartsServicesOnlyWhenWhatTheyNeedIsHealthy() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        for (String name : List.of("kafka", "schema-registry")) {
            assertThat(map(services, name)).as(name).containsKey("healthcheck");
        }
        assertThat(String.valueOf(map(map(services, "kafka"), "healthcheck").get("test")))
                .contains("kafka-broker-api-versions.sh");
        assertThat(String.valueOf(map(map(services, "schema-registry"), "healthcheck").get("test")))
                .contains("curl")
                .contains("/subjects");
        for (String name : List.of("jobmanager", "generator", "dashboard")) {
            Map<String, Object> dependsOn = map(map(services, name), "depends_on");
            assertThat(dependsOn)
                    .as(name)
                    .containsOnlyKeys("kafka", "schema-registry", "create-topics");
            assertThat(map(dependsOn, "kafka")).containsEntry("condition", "service_healthy");
            assertThat(map(dependsOn, "schema-registry"))
                    .containsEntry("condition", "service_healthy");
            assertThat(map(dependsOn, "create-topics"))
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @Test
    void composeRunsTheAnalyticsJobWithRealOptionsAndTheContainerAddresses() throws IOException {
        Map<String, Object> services = map(compose(), "services");
        Map<String, Object> jobmanager = map(services, "jobmanager");
        List<String> command = strings(jobmanager, "command");
        assertThat(command.subList(0, 4))
                .containsExactly(
                        "standalone-job",
                        "--job-classname",
                        LogFlowJobs.class.getName(),
                        "analytics");
        Map<String, String> options = jobOptions(command.subList(4, command.size()));
        assertThat(options)
                .containsEntry(AnalyticsOptions.BOOTSTRAP_SERVERS.key(), "kafka:29092")
                .containsEntry(AnalyticsOptions.REGISTRY_URL.key(), "http://schema-registry:8081")
                .containsEntry(AnalyticsOptions.FILES_PATH.key(), "file:///output/log-metrics")
                .containsEntry(
                        AnalyticsOptions.PATTERNS_FILES_PATH.key(), "file:///output/log-patterns")
                .containsEntry(
                        AnalyticsOptions.ALERTS_FILES_PATH.key(), "file:///output/log-alerts");
        // Checkpoints, state backend and parallelism live in the image's config.yaml only.
        assertNoFlinkSettings(options);

        for (String name : List.of("jobmanager", "taskmanager")) {
            Map<String, Object> flink = map(services, name);
            assertThat(flink.get("image")).isEqualTo("logflow-flink:0.1.0");
            assertThat(map(flink, "build")).containsEntry("dockerfile", "docker/flink/Dockerfile");
            assertThat(strings(flink, "volumes"))
                    .contains("checkpoints:/checkpoints", "output:/output");
        }
        assertThat(strings(map(services, "taskmanager"), "command")).containsExactly("taskmanager");
        assertThat(map(compose(), "volumes")).containsKeys("checkpoints", "savepoints", "output");

        Map<String, Object> generator = map(services, "generator");
        Map<String, String> gen = pairs(strings(generator, "command").subList(1, 9));
        assertThat(strings(generator, "command").get(0)).isEqualTo("generate");
        assertThat(gen)
                .containsExactlyEntriesOf(
                        orderedMap(
                                "--kafka", "kafka:29092",
                                "--registry", "http://schema-registry:8081",
                                "--topic", Defaults.TOPIC_LOGS,
                                "--rate", "500"));
    }

    @Test
    void dashboardBindsAllInterfacesWithATokenFromTheEnvironment() throws IOException {
        Map<String, Object> dashboard = map(map(compose(), "services"), "dashboard");
        List<String> command = strings(dashboard, "command");
        assertThat(command.get(0)).isEqualTo("dashboard");
        assertThat(pairs(command.subList(1, command.size())))
                .containsEntry("--kafka", "kafka:29092")
                .containsEntry("--registry", "http://schema-registry:8081")
                .containsEntry("--host", "0.0.0.0")
                .containsEntry("--port", String.valueOf(Defaults.DASHBOARD_PORT));
        assertThat(map(dashboard, "environment")).containsKey("LOGFLOW_DASHBOARD_TOKEN");
        assertThat(map(dashboard, "build"))
                .containsEntry("dockerfile", "docker/dashboard/Dockerfile");

        String dockerfile = read(DOCKER.resolve("dashboard/Dockerfile"));
        assertThat(fromLines(dockerfile)).last().asString().startsWith("eclipse-temurin:17");
        assertThat(dockerfile)
                .contains("-pl cli -am")
                .contains("EXPOSE " + Defaults.DASHBOARD_PORT)
                .contains("\"--port\", \"" + Defaults.DASHBOARD_PORT + "\"")
                .contains("\"--host\", \"0.0.0.0\"");
        String entrypoint = read(DOCKER.resolve("dashboard/entrypoint.sh"));
        assertThat(entrypoint)
                .contains(LogFlowCli.class.getName())
                .contains("--token \"$LOGFLOW_DASHBOARD_TOKEN\"");
    }

    @Test
    void theNotifierDeliversToTheComposeAlertmanagerWithOptionsTheCliAccepts() throws Exception {
        Map<String, Object> services = map(compose(), "services");
        Map<String, Object> notifier = map(services, "notifier");
        List<String> command = strings(notifier, "command");
        assertThat(command.get(0)).isEqualTo("notify");
        // The command's own parser and validation: what the container would run.
        io.logflow.notifier.NotifierConfig config =
                NotifyCommand.config(command.subList(1, command.size()).toArray(String[]::new));
        assertThat(config.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(config.registry().urls()).containsExactly("http://schema-registry:8081");
        assertThat(config.dataDir()).isEqualTo(Path.of("/app/data/notifier"));
        assertThat(config.receivers())
                .extracting(r -> r.type() + " " + r.url())
                .containsExactly("ALERTMANAGER http://alertmanager:9093");
        assertThat(notifier.get("image")).isEqualTo("logflow-cli:0.1.0");
        assertThat(strings(notifier, "volumes")).containsExactly("notifier:/app/data");
        assertThat(map(compose(), "volumes")).containsKey("notifier");
        assertThat(map(map(notifier, "depends_on"), "alertmanager"))
                .containsEntry("condition", "service_healthy");
        // The image creates the directory, so the volume is the unprivileged user's.
        assertThat(read(DOCKER.resolve("dashboard/Dockerfile"))).contains("mkdir -p /app/data");

        Map<String, Object> am = map(services, "alertmanager");
        assertThat(strings(am, "volumes"))
                .containsExactly(
                        "./alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(strings(am, "command"))
                .contains(
                        "--config.file=/etc/alertmanager/alertmanager.yml",
                        "--cluster.listen-address=");
        assertThat(String.valueOf(map(am, "healthcheck").get("test"))).contains("/-/ready");
        Map<String, Object> amConfig = load(DOCKER.resolve("alertmanager/alertmanager.yml"));
        assertThat(map(amConfig, "route")).containsEntry("receiver", "default");
    }

    @Test
    void k8sDeploymentRunsTheJarFromUsrlibWithRealOptions() throws IOException {
        Map<String, Object> deployment = load(DOCKER.resolve("k8s/flink-deployment.yaml"));
        assertThat(deployment)
                .containsEntry("apiVersion", "flink.apache.org/v1beta1")
                .containsEntry("kind", "FlinkDeployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat(String.valueOf(spec.get("flinkVersion"))).startsWith("v2_");
        Map<String, Object> job = map(spec, "job");
        assertThat(job)
                .containsEntry("jarURI", "local://" + USRLIB_JAR)
                .containsEntry("entryClass", LogFlowJobs.class.getName())
                .containsEntry("upgradeMode", "savepoint");
        List<String> args = strings(job, "args");
        assertThat(args.get(0)).isEqualTo("analytics");
        assertThat(jobOptions(args.subList(1, args.size())))
                .containsKeys(
                        AnalyticsOptions.BOOTSTRAP_SERVERS.key(),
                        AnalyticsOptions.REGISTRY_URL.key());
        // The FlinkDeployment's flinkConfiguration is the one home of Flink's settings.
        assertNoFlinkSettings(jobOptions(args.subList(1, args.size())));

        Map<String, Object> conf = map(spec, "flinkConfiguration");
        assertThat(conf)
                .containsEntry("high-availability.type", "kubernetes")
                .containsKeys(
                        "high-availability.storageDir",
                        "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir");
        assertThat(String.valueOf(conf.get("execution.checkpointing.dir"))).startsWith("s3://");
        // No jar upload through the web UI unless someone opens it deliberately.
        assertThat(conf).containsEntry("web.submit.enable", "false");
        assertThat(map(spec, "jobManager")).containsKey("resource");
        assertThat(map(spec, "taskManager")).containsKey("resource");
    }

    @Test
    void prometheusScrapesTheFlinkReportersAndTheDashboardWithItsTokenFromASecret()
            throws IOException {
        Map<String, Object> reporter =
                map(
                        map(map(load(DOCKER.resolve("flink/config.yaml")), "metrics"), "reporter"),
                        "prom");
        assertThat(reporter)
                .containsEntry("factory.class", PROMETHEUS_FACTORY)
                .containsEntry("port", Defaults.FLINK_METRICS_PORT);
        Map<String, Object> k8s =
                map(
                        map(load(DOCKER.resolve("k8s/flink-deployment.yaml")), "spec"),
                        "flinkConfiguration");
        assertThat(k8s)
                .containsEntry("metrics.reporter.prom.factory.class", PROMETHEUS_FACTORY)
                .containsEntry(
                        "metrics.reporter.prom.port", String.valueOf(Defaults.FLINK_METRICS_PORT));

        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object job :
                (List<?>) load(DOCKER.resolve("prometheus/prometheus.yml")).get("scrape_configs")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> j = (Map<String, Object>) job;
            jobs.put(String.valueOf(j.get("job_name")), j);
        }
        assertThat(targets(jobs.get("flink")))
                .containsExactly(
                        "jobmanager:" + Defaults.FLINK_METRICS_PORT,
                        "taskmanager:" + Defaults.FLINK_METRICS_PORT);
        Map<String, Object> dashboard = jobs.get("logflow-dashboard");
        assertThat(targets(dashboard)).containsExactly("dashboard:" + Defaults.DASHBOARD_PORT);
        Map<String, Object> auth = map(dashboard, "authorization");
        assertThat(auth).containsEntry("type", "Bearer").doesNotContainKey("credentials");
        String secret = String.valueOf(auth.get("credentials_file"));
        assertThat(secret).startsWith("/run/secrets/");
        String name = secret.substring("/run/secrets/".length());
        Map<String, Object> services = map(compose(), "services");
        assertThat(strings(map(services, "prometheus"), "secrets")).containsExactly(name);
        assertThat(map(map(compose(), "secrets"), name))
                .containsEntry("environment", "LOGFLOW_DASHBOARD_TOKEN");
        assertThat(strings(map(services, "prometheus"), "volumes"))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        // Grafana: a password from the environment, never a default one, and no anonymous access.
        Map<String, Object> grafanaEnv = map(map(services, "grafana"), "environment");
        assertThat(String.valueOf(grafanaEnv.get("GF_SECURITY_ADMIN_PASSWORD")))
                .startsWith("${LOGFLOW_GRAFANA_PASSWORD:?");
        assertThat(grafanaEnv).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false");
    }

    @Test
    void grafanaDashboardQueriesOnlyMetricsTheExporterWritesFromItsProvisionedDataSource()
            throws IOException {
        String dashboard = read(DOCKER.resolve("grafana/dashboards/logflow.json"));
        Map<String, Object> json = new ObjectMapper().readValue(dashboard, Map.class);
        assertThat((List<?>) json.get("panels")).hasSizeGreaterThanOrEqualTo(10);
        Object source =
                ((Map<?, ?>)
                                ((List<?>)
                                                load(DOCKER.resolve(
                                                                "grafana/provisioning/datasources/prometheus.yaml"))
                                                        .get("datasources"))
                                        .get(0))
                        .get("uid");
        assertThat(dashboard).contains("\"uid\": \"" + source + "\"");

        LogMetricsExporter exporter = new LogMetricsExporter(null, 10);
        exporter.accept(
                WindowStats.newBuilder()
                        .setService("s")
                        .setWindow("tumbling-1m")
                        .setWindowStart(Instant.EPOCH)
                        .setWindowEnd(Instant.EPOCH.plusSeconds(60))
                        .setCount(1)
                        .setLevelCounts(Map.of("INFO", 1L))
                        .setErrorRate(0)
                        .setStatusClassCounts(Map.of("2xx", 1L))
                        .setLatency(new LatencySummary(1.0, 1.0, 1.0, 1.0, 1.0))
                        .setEmittedAt(Instant.EPOCH)
                        .build());
        Set<String> exported =
                exporter.render()
                        .lines()
                        .filter(l -> l.startsWith("# TYPE "))
                        .map(l -> l.split(" ")[2])
                        .collect(Collectors.toSet());
        Matcher used = Pattern.compile("\\blogflow_[a-z_]+").matcher(dashboard);
        List<String> names = new ArrayList<>();
        while (used.find()) {
            names.add(used.group());
        }
        assertThat(names).isNotEmpty().allMatch(exported::contains, "exported by the dashboard");
    }

    private static List<String> targets(Map<String, Object> job) {
        assertThat(job).isNotNull();
        List<String> out = new ArrayList<>();
        for (Object c : (List<?>) job.get("static_configs")) {
            ((List<?>) ((Map<?, ?>) c).get("targets")).forEach(t -> out.add(String.valueOf(t)));
        }
        return out;
    }

    @Test
    void flinkConfigSetsCheckpointsAndTheRestPort() throws IOException {
        Map<String, Object> config = load(DOCKER.resolve("flink/config.yaml"));
        Map<String, Object> checkpointing = map(map(config, "execution"), "checkpointing");
        assertThat(checkpointing)
                .containsEntry("dir", "file:///checkpoints")
                .containsEntry("savepoint-dir", "file:///savepoints")
                .containsKey("interval");
        assertThat(map(config, "rest")).containsEntry("port", Defaults.FLINK_PORT);
        assertThat(map(map(config, "jobmanager"), "rpc")).containsEntry("address", "jobmanager");
        assertThat(map(config, "restart-strategy")).containsEntry("type", "fixed-delay");
        assertThat(map(map(config, "web"), "submit")).containsEntry("enable", false);
        // Flat keys would be ignored or rejected next to nested ones: keep the file nested.
        assertThat(config.keySet()).noneMatch(k -> k.contains("."));
    }

    /** Validates job arguments as the job does at start and returns them as key to value. */
    private static Map<String, String> jobOptions(List<String> args) {
        Set<String> keys =
                AnalyticsOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());
        Map<String, String> options = new LinkedHashMap<>();
        pairs(args).forEach((k, v) -> options.put(k.substring(2), v));
        assertThat(options.keySet()).isNotEmpty().allMatch(keys::contains);
        AnalyticsConfig.fromArgs(args.toArray(String[]::new));
        return options;
    }

    private static Map<String, String> pairs(List<String> args) {
        assertThat(args).as("--key value pairs").hasSize(args.size() / 2 * 2);
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            assertThat(args.get(i)).startsWith("--");
            assertThat(args.get(i + 1)).doesNotStartWith("--");
            assertThat(pairs.put(args.get(i), args.get(i + 1))).as(args.get(i)).isNull();
        }
        return pairs;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> fromLines(String dockerfile) {
        return dockerfile
                .lines()
                .filter(l -> l.startsWith("FROM "))
                .map(l -> l.split("\\s+")[1])
                .toList();
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        assertThat(m.find()).as("<%s> in pom", name).isTrue();
        return m.group(1).trim();
    }

    private static void collect(Object node, String key, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (k, v) -> {
                        if (key.equals(k)) {
                            out.add(String.valueOf(v));
                        } else {
                            collect(v, key, out);
                        }
                    });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, out));
        }
    }

    private static Map<String, Object> compose() throws IOException {
        return load(DOCKER.resolve("compose.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has " + key).containsKey(key);
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    private static List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(DOCKER)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> dockerfiles() throws IOException {
        try (Stream<Path> s = Files.walk(DOCKER)) {
            List<Path> files =
                    s.filter(p -> p.getFileName().toString().equals("Dockerfile"))
                            .sorted()
                            .toList();
            assertThat(files).hasSize(2);
            return files;
        }
    }

    private static void assertNoFlinkSettings(Map<String, String> jobOptions) {
        assertThat(jobOptions.keySet())
                .noneMatch(k -> AnalyticsOptions.FLINK_PREFIXES.stream().anyMatch(k::startsWith));
    }
}
