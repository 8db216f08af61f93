package io.logflow.connectors.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.connectors.registry.RegistryClient;
import io.logflow.connectors.registry.RegistryClientConfig;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Header checks that fail before any registry call, so no registry is needed here. */
class ConfluentSchemaCoderTest {

    private final ConfluentSchemaCoder coder =
            new ConfluentSchemaCoder(
                    new RegistryClient(
                            RegistryClientConfig.builder("http://127.0.0.1:9")
                                    .maxAttempts(1)
                                    .build()),
                    "logs",
                    false);

    @Test
    void wrongMagicByteIsNamed() {
        assertThatThrownBy(
                        () ->
                                coder.readSchema(
                                        new ByteArrayInputStream(new byte[] {7, 0, 0, 0, 1})))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("magic byte 0x07")
                .hasMessageContaining("topic 'logs'");
    }

    @Test
    void truncatedHeaderIsNamed() {
        assertThatThrownBy(() -> coder.readSchema(new ByteArrayInputStream(new byte[] {0, 0, 1})))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("Truncated header")
                .hasMessageContaining("3 of 5");
    }

    @Test
    void emptyRecordIsNamed() {
        assertThatThrownBy(() -> coder.readSchema(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("Empty record value");
    }

    @Test
    void headerRoundTrips() {
        byte[] buf = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(0x01020304, buf, 0);
        assertThat(buf).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaIdOf(buf)).isEqualTo(0x01020304);
        assertThat(WireFormat.schemaIdOf(new byte[] {1, 0, 0, 0, 1})).isEqualTo(-1);
        assertThat(WireFormat.schemaIdOf(new byte[] {0, 0})).isEqualTo(-1);
    }
}
