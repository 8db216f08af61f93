package io.logflow.devstack.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a new schema may follow a subject's earlier ones under a {@link
 * CompatibilityLevel}, using Avro's reader/writer resolution rules.
 */
final class CompatibilityChecker {

    /** An earlier live version of the subject. */
    record PreviousSchema(int version, Schema schema) {}

    private CompatibilityChecker() {}

    /**
     * Checks {@code candidate} against {@code previous} (ascending by version).
     *
     * @return empty if compatible, else Confluent-style messages: the incompatibilities found
     *     against the newest failing version, then that version, its schema and the level
     */
    static List<String> check(
            Schema candidate, List<PreviousSchema> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<PreviousSchema> against =
                level.transitive()
                        ? previous
                        : previous.subList(previous.size() - 1, previous.size());
        // Newest first, stopping at the first failure, as Confluent does: the nearest
        // incompatible version is the one a user needs to look at.
        for (int i = against.size() - 1; i >= 0; i--) {
            PreviousSchema old = against.get(i);
            List<String> messages = new ArrayList<>();
            if (level.backward()) {
                describe(
                        candidate,
                        old.schema(),
                        "the new schema cannot read data written with" + " the old schema",
                        messages);
            }
            if (level.forward()) {
                describe(
                        old.schema(),
                        candidate,
                        "the old schema cannot read data written with" + " the new schema",
                        messages);
            }
            if (!messages.isEmpty()) {
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{compatibility: '" + level.name() + "'}");
                return messages;
            }
        }
        return List.of();
    }

    private static void describe(Schema reader, Schema writer, String direction, List<String> out) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            out.add(
                    "{errorType:'"
                            + incompatibility.getType()
                            + "', description:'At path '"
                            + incompatibility.getLocation()
                            + "' "
                            + direction
                            + "', additionalInfo:'"
                            + incompatibility.getMessage()
                            + "'}");
        }
    }
}
