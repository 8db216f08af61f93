package io.logflow.jobs.formats;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;

/**
 * OTLP {@link AnyValue}s as the compact record's strings and numbers.
 *
 * <p>A body that is not a string is rendered compactly, for a message the template miner can group:
 * a kvlist as {@code k=v} pairs separated by spaces (a nested one in braces, {@code k={a=1 b=2}}),
 * an array as {@code [a, b]}, bytes as base64, numbers and booleans as written.
 */
final class AnyValues {

    private AnyValues() {}

    /** The value as text; an empty string when it has none. */
    static String text(AnyValue v) {
        if (v.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
            return v.getStringValue();
        }
        StringBuilder sb = new StringBuilder();
        render(v, sb, false);
        return sb.toString();
    }

    /** The value as a number: ints and doubles, and strings that hold one; NaN otherwise. */
    static double number(AnyValue v) {
        switch (v.getValueCase()) {
            case INT_VALUE:
                return v.getIntValue();
            case DOUBLE_VALUE:
                return v.getDoubleValue();
            case STRING_VALUE:
                try {
                    return Double.parseDouble(v.getStringValue().trim());
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            default:
                return Double.NaN;
        }
    }

    private static void render(AnyValue v, StringBuilder sb, boolean nested) {
        switch (v.getValueCase()) {
            case STRING_VALUE -> sb.append(v.getStringValue());
            case BOOL_VALUE -> sb.append(v.getBoolValue());
            case INT_VALUE -> sb.append(v.getIntValue());
            case DOUBLE_VALUE -> sb.append(number(v.getDoubleValue()));
            case BYTES_VALUE ->
                    sb.append(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                sb.append('[');
                for (int i = 0; i < v.getArrayValue().getValuesCount(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    render(v.getArrayValue().getValues(i), sb, true);
                }
                sb.append(']');
            }
            case KVLIST_VALUE -> {
                if (nested) {
                    sb.append('{');
                }
                for (int i = 0; i < v.getKvlistValue().getValuesCount(); i++) {
                    KeyValue kv = v.getKvlistValue().getValues(i);
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(kv.getKey()).append('=');
                    render(kv.getValue(), sb, true);
                }
                if (nested) {
                    sb.append('}');
                }
            }
            default -> {
                // Unset, or a profiles dictionary index that means nothing outside its profile.
            }
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString((long) d)
                : Double.toString(d);
    }
}
