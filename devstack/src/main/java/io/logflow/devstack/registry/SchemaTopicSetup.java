package io.logflow.devstack.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the registry's schema topic exists with the shape Confluent's registry expects. */
final class SchemaTopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTopicSetup.class);
    private static final int REQUEST_TIMEOUT_MS = 5_000;

    private SchemaTopicSetup() {}

    /**
     * Creates the topic (1 partition, compacted) if absent, else checks it has one partition.
     *
     * @throws IllegalStateException naming the bootstrap servers if Kafka cannot be reached within
     *     {@code timeout}, or the topic is unusable
     */
    static void ensure(RegistrySettings settings, Duration timeout) {
        String bootstrap = settings.kafkaBootstrap();
        String topic = settings.topic();
        Properties props = settings.kafkaClient("dev-schema-registry-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(timeout.toMillis(), REQUEST_TIMEOUT_MS));
        Admin admin = Admin.create(props);
        try {
            Set<String> names =
                    admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (names.contains(topic)) {
                checkExisting(admin, topic, timeout);
            } else {
                create(admin, topic, timeout);
                LOG.info("Created schema topic {} on {}", topic, bootstrap);
            }
        } catch (TimeoutException e) {
            throw unreachable(bootstrap, topic, timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrap, topic, timeout, cause);
            }
            throw new IllegalStateException(
                    "Cannot set up schema topic "
                            + topic
                            + " on Kafka at "
                            + bootstrap
                            + ": "
                            + cause,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up topic " + topic, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static void create(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, String> configs =
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs)))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Another registry created it a moment ago, with the same settings.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        // No describe calls on a topic this new: brokers may not know it yet and answer
        // UNKNOWN_TOPIC_OR_PARTITION; the replay's consumer retries through that instead.
    }

    private static void checkExisting(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description =
                admin.describeTopics(List.of(topic))
                        .topicNameValues()
                        .get(topic)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // One partition is what makes the topic a total order of registry writes.
        if (description.partitions().size() != 1) {
            throw new IllegalStateException(
                    "Schema topic "
                            + topic
                            + " must have exactly 1 partition but has "
                            + description.partitions().size());
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry policy =
                admin.describeConfigs(List.of(resource))
                        .values()
                        .get(resource)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG);
        // Confluent refuses a non-compacted topic; a dev tool only warns, as the data is intact
        // until retention deletes it.
        if (policy == null || !TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy.value())) {
            LOG.warn(
                    "Schema topic {} has cleanup.policy={}, not compact: schemas will be lost"
                            + " when retention deletes them",
                    topic,
                    policy == null ? null : policy.value());
        }
    }

    /** The start failure for a Kafka that did not answer in time. */
    static IllegalStateException unreachable(
            String bootstrap, String topic, Duration timeout, Throwable cause) {
        return new IllegalStateException(
                "Cannot reach Kafka at "
                        + bootstrap
                        + " to read schema topic "
                        + topic
                        + " within "
                        + timeout.toSeconds()
                        + " s: "
                        + cause,
                cause);
    }
}
