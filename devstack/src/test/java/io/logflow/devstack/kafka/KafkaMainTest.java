package io.logflow.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaMainTest {

    @Test
    void errorsNameTheOption() {
        assertThatThrownBy(() -> KafkaMain.parse(new String[] {"--port", "x"}))
                .hasMessage("Invalid value for 'port': 'x'; expected a whole number");
        assertThatThrownBy(() -> KafkaMain.parse(new String[] {"--data-dir"}))
                .hasMessage("Option 'data-dir' needs a value");
        assertThatThrownBy(() -> KafkaMain.parse(new String[] {"--prt", "1"}))
                .hasMessage(
                        "Unknown option 'prt'. Known options: controller-port, data-dir, host,"
                                + " port");
        assertThatThrownBy(() -> KafkaMain.parse(new String[] {"--port", "70000"}))
                .hasMessage("Kafka port must be 0..65535, got 70000");
    }

    @Test
    void usageComesFromTheOptions() {
        assertThat(KafkaMain.ARGS.usage())
                .isEqualTo(
                        String.join(
                                "\n",
                                "Usage: KafkaMain [--key value]...",
                                "  --port N             Client port; 0 picks a free one. Default:"
                                        + " 0.",
                                "  --controller-port N  KRaft controller port; 0 picks a free one."
                                        + " Default: 0.",
                                "  --host VALUE         Address to bind. Default: 127.0.0.1.",
                                "  --data-dir VALUE     Where logs and metadata live; default: a"
                                        + " temporary directory deleted on close."));
    }
}
