package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logflow.devstack.events.SampleEvents;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * A copy of {@link WindowPanes}, as a checkpoint's snapshot holds one, never sees later changes.
 */
class WindowPanesTest {

    @Test
    void aCopyChangesAPaneOnlyAfterCopyingIt() throws Exception {
        WindowPanes original = new WindowPanes();
        original.put(0, accumulator(3));
        original.put(10_000, accumulator(5));
        original.nextRevision(0, 10_000);
        byte[] before = bytes(original);

        WindowPanes copy = WindowPanesSerializer.INSTANCE.copy(original);
        assertThat(copy.panes[0]).isSameAs(original.panes[0]);
        WindowAccumulator changed = copy.paneToChange(10_000);
        changed.add(CompactEvent.of(SampleEvents.event(7, Instant.EPOCH)));
        copy.nextRevision(0, 10_000);
        copy.put(20_000, accumulator(1));
        copy.dropPanes(start -> start == 0);

        assertThat(bytes(original)).isEqualTo(before);
        assertThat(original.panes[1].count).isEqualTo(5);
        assertThat(copy.paneCount).isEqualTo(2);
        assertThat(copy.panes[0].count).isEqualTo(6);
        assertThat(copy.paneToChange(10_000)).isSameAs(changed);
        assertThat(copy.firedRevisions[0]).isEqualTo(1);
        assertThat(original.firedRevisions[0]).isZero();
    }

    @Test
    void theSerializerReadsWhatItWrote() throws Exception {
        WindowPanes panes = new WindowPanes();
        panes.put(10_000, accumulator(2));
        panes.put(0, accumulator(4));
        panes.nextRevision(1, 30_000);
        panes.firedUntil = 9_999;
        panes.timer = 19_999;
        DataOutputSerializer out = new DataOutputSerializer(256);
        WindowPanesSerializer.INSTANCE.serialize(panes, out);
        WindowPanes read =
                WindowPanesSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(bytes(read)).isEqualTo(out.getCopyOfBuffer());
        assertThat(read.starts[0]).isZero();
        assertThat(read.panes[0].count).isEqualTo(4);
        assertThat(read.firedSpecs[0]).isEqualTo(1);
        assertThat(read.timer).isEqualTo(19_999);
    }

    @Test
    void bytesThatAreNoPanesAreNamedNotAllocated() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        assertThatThrownBy(
                        () -> {
                            out.writeByte(WindowPanesSerializer.FORMAT_VERSION);
                            out.writeInt(-3);
                            WindowPanesSerializer.INSTANCE.deserialize(
                                    new DataInputDeserializer(out.getCopyOfBuffer()));
                        })
                .isInstanceOf(IOException.class)
                .hasMessage("Negative pane count -3 in window pane state");
    }

    private static WindowAccumulator accumulator(int events) {
        WindowAccumulator acc = new WindowAccumulator();
        for (int i = 0; i < events; i++) {
            acc.add(CompactEvent.of(SampleEvents.event(i, Instant.EPOCH)));
        }
        return acc;
    }

    private static byte[] bytes(WindowPanes panes) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        WindowPanesSerializer.INSTANCE.serialize(panes, out);
        return out.getCopyOfBuffer();
    }
}
