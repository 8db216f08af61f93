package io.logflow.devstack.junit;

import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real {@link EmbeddedKafka} broker once per test class.
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
 * String topic = KAFKA.createTopic("logs", 2);
 * }</pre>
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedKafka.Builder builder;
    private EmbeddedKafka kafka;

    public KafkaExtension() {
        this(EmbeddedKafka.builder());
    }

    public KafkaExtension(EmbeddedKafka.Builder builder) {
        this.builder = builder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public EmbeddedKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "KafkaExtension is not started: register it as a static @RegisterExtension");
        }
        return kafka;
    }

    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** Client properties for this broker. */
    public Properties clientProperties() {
        return kafka().clientProperties();
    }

    /** Creates a topic with a unique name starting with {@code prefix}; a fresh topic per test. */
    public String createTopic(String prefix, int partitions) {
        return createTopic(prefix, partitions, Map.of());
    }

    /** Creates a uniquely named topic with the given topic configs and returns its name. */
    public String createTopic(String prefix, int partitions, Map<String, String> configs) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + name, e.getCause());
        }
        return name;
    }

    /** Sends {@code (key, value)} pairs to {@code topic} and waits until all are acknowledged. */
    public void send(String topic, List<ProducerRecord<byte[], byte[]>> records) {
        Properties props = clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Sends values without keys to {@code topic}. */
    public void sendValues(String topic, List<byte[]> values) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
        for (byte[] value : values) {
            records.add(new ProducerRecord<>(topic, value));
        }
        send(topic, records);
    }

    /**
     * Reads {@code topic} from the beginning with {@code read_committed} until {@code expected}
     * records arrived or {@code timeout} passed (see {@link TopicReader#readCommitted}).
     */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected, Duration timeout) {
        return TopicReader.readCommitted(clientProperties(), topic, expected, timeout);
    }
}
