package io.logflow.devstack.generator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before the first record, that a broker answers and the topic exists or will be created;
 * otherwise the producer would block on metadata for a minute per record and say little about why.
 */
final class KafkaPreflight {

    private KafkaPreflight() {}

    /**
     * @throws GeneratorException with a one-line reason
     */
    static void check(String bootstrap, String topic, Properties overrides, Duration timeout) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            throw new GeneratorException(
                    "Cannot connect to Kafka at " + bootstrap + ": " + rootMessage(e), e);
        }
        try {
            String clusterId;
            try {
                clusterId = admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new GeneratorException(
                        "Kafka unreachable at "
                                + bootstrap
                                + ": no broker answered within "
                                + timeout.toMillis()
                                + " ms",
                        e);
            } catch (ExecutionException e) {
                throw new GeneratorException(
                        "Kafka unreachable at " + bootstrap + ": " + rootMessage(e), e);
            }
            checkTopic(admin, bootstrap, topic, millis, clusterId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeneratorException("Interrupted while checking Kafka at " + bootstrap, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static void checkTopic(
            Admin admin, String bootstrap, String topic, int millis, String clusterId)
            throws InterruptedException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new GeneratorException(
                        "Cannot describe topic '"
                                + topic
                                + "' on "
                                + bootstrap
                                + ": "
                                + rootMessage(e),
                        e);
            }
            if (!autoCreatesTopics(admin, millis)) {
                throw new GeneratorException(
                        "Topic '"
                                + topic
                                + "' does not exist on Kafka "
                                + bootstrap
                                + " (cluster "
                                + clusterId
                                + ") and the broker does not create topics on demand;"
                                + " create it first");
            }
        } catch (TimeoutException e) {
            throw new GeneratorException(
                    "Kafka at " + bootstrap + " did not describe topic '" + topic + "' in time", e);
        }
    }

    private static boolean autoCreatesTopics(Admin admin, int millis) throws InterruptedException {
        try {
            int broker =
                    admin.describeCluster()
                            .nodes()
                            .get(millis, TimeUnit.MILLISECONDS)
                            .iterator()
                            .next()
                            .id();
            ConfigResource resource =
                    new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(broker));
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(List.of(resource))
                            .all()
                            .get(millis, TimeUnit.MILLISECONDS);
            var entry = configs.get(resource).get("auto.create.topics.enable");
            return entry == null || Boolean.parseBoolean(entry.value());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Cannot tell: let the producer try, as it would without this check.
            return true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
