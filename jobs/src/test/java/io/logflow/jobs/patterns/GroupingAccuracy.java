package io.logflow.jobs.patterns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouping accuracy as the Loghub benchmark defines it: the share of lines whose predicted group
 * holds exactly the same lines as their ground-truth group.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {}

    /** Both lists give one group label per line, in the same line order. */
    public static double of(List<String> truth, List<?> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    truth.size() + " ground-truth labels but " + predicted.size() + " predictions");
        }
        if (truth.isEmpty()) {
            return 1.0;
        }
        // A predicted group is right when it maps to one true group and covers all of it.
        Map<Object, Map<String, Integer>> truthPerPredicted = new HashMap<>();
        Map<String, Integer> truthSizes = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            truthSizes.merge(truth.get(i), 1, Integer::sum);
            truthPerPredicted
                    .computeIfAbsent(predicted.get(i), k -> new HashMap<>())
                    .merge(truth.get(i), 1, Integer::sum);
        }
        long correct = 0;
        for (Map<String, Integer> inGroup : truthPerPredicted.values()) {
            if (inGroup.size() == 1) {
                Map.Entry<String, Integer> only = inGroup.entrySet().iterator().next();
                if (only.getValue().equals(truthSizes.get(only.getKey()))) {
                    correct += only.getValue();
                }
            }
        }
        return (double) correct / truth.size();
    }
}
