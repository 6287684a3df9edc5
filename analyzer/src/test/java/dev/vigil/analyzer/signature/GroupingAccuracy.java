package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grouping Accuracy, as the Loghub-2k scorer defines it: a line is correct when the lines that
 * share its predicted label are exactly the lines that share its true label; GA is the share of
 * correct lines. Lines with a blank true label are left out.
 */
final class GroupingAccuracy {

    private GroupingAccuracy() {
    }

    /** GA of {@code predicted} against {@code truth}, both one label per line in line order. */
    static double of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " lines, prediction "
                    + predicted.size());
        }
        Map<String, List<Integer>> truthGroups = new HashMap<>();
        Map<String, Integer> predictedSizes = new HashMap<>();
        int lines = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i) == null || truth.get(i).isBlank()) {
                continue;
            }
            lines++;
            truthGroups.computeIfAbsent(truth.get(i), t -> new ArrayList<>()).add(i);
            predictedSizes.merge(predicted.get(i), 1, Integer::sum);
        }
        int correct = 0;
        for (List<Integer> group : truthGroups.values()) {
            Set<String> labels = new HashSet<>();
            for (int i : group) {
                labels.add(predicted.get(i));
            }
            if (labels.size() == 1 && predictedSizes.get(labels.iterator().next()) == group.size()) {
                correct += group.size();
            }
        }
        return lines == 0 ? 0.0 : (double) correct / lines;
    }
}
