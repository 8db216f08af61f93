package io.logflow.dashboard;

import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic the dashboard reads: the Avro class of its values, what to do with each record (returns
 * whether it changed anything) and what to do once after a poll that changed something.
 */
record Feed<T extends SpecificRecord>(
        String topic, Class<T> type, Predicate<T> onRecord, Runnable afterChanges) {

    static <T extends SpecificRecord> Feed<T> of(
            String topic, Class<T> type, Predicate<T> onRecord) {
        return new Feed<>(topic, type, onRecord, () -> {});
    }
}
