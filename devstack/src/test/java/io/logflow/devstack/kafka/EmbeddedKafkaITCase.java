package io.logflow.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaITCase {

    @TempDir Path dataDir;

    @Test
    void transactionsCommitAndDataSurvivesRestart() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build()) {
            kafka.start();
            int port = kafka.port();
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k1", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k2", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }
            assertThat(readCommitted(kafka, "t", 1)).containsExactly("committed");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            assertThat(kafka.port()).isEqualTo(port);
            assertThat(readCommitted(kafka, "t", 1)).containsExactly("committed");
        }
    }

    @Test
    void takenPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            EmbeddedKafka kafka =
                    EmbeddedKafka.builder().dataDir(dataDir).port(taken.getLocalPort()).build();
            assertThatThrownBy(kafka::start)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void childProcessBrokerSurvivesKillDashNine() throws Exception {
        int port = EmbeddedKafka.freePort("127.0.0.1");
        Properties props = new Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + port);
        try (KafkaProcess kafka = KafkaProcess.start(port, dataDir, Duration.ofSeconds(90))) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (KafkaProducer<String, String> producer = transactionalProducer(props, "child")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("c", "k", "before-crash"));
                producer.commitTransaction();
            }
            kafka.kill();
            assertThat(kafka.isAlive()).isFalse();
        }
        try (KafkaProcess again = KafkaProcess.start(port, dataDir, Duration.ofSeconds(90))) {
            assertThat(readCommitted(props, "c", 1)).containsExactly("before-crash");
        }
    }

    @Test
    void childProcessReportsWhyItFailed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            assertThatThrownBy(
                            () ->
                                    KafkaProcess.start(
                                            taken.getLocalPort(), dataDir, Duration.ofSeconds(60)))
                    .hasMessageContaining("did not start")
                    .hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        return transactionalProducer(kafka.clientProperties(), "embedded-kafka-test");
    }

    private static List<String> readCommitted(EmbeddedKafka kafka, String topic, int expected) {
        return readCommitted(kafka.clientProperties(), topic, expected);
    }

    private static KafkaProducer<String, String> transactionalProducer(
            Properties base, String transactionalId) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static List<String> readCommitted(Properties base, String topic, int expected) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // One more poll: an aborted record arriving late would show up here.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
