package io.logflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --key value} arguments the driver passes to a scenario's JVM. */
final class ScenarioArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    ScenarioArgs() {}

    static ScenarioArgs parse(String[] args) {
        ScenarioArgs parsed = new ScenarioArgs();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --key value pairs, got " + args[i]);
            }
            parsed.values.put(args[i].substring(2), args[i + 1]);
        }
        return parsed;
    }

    ScenarioArgs with(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    ScenarioArgs copy() {
        ScenarioArgs copy = new ScenarioArgs();
        copy.values.putAll(values);
        return copy;
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing scenario argument --" + key);
        }
        return value;
    }

    String getOrDefault(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long getLong(String key) {
        return Long.parseLong(get(key));
    }

    int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    List<String> toArgs() {
        List<String> out = new ArrayList<>();
        values.forEach(
                (k, v) -> {
                    out.add("--" + k);
                    out.add(v);
                });
        return out;
    }
}
