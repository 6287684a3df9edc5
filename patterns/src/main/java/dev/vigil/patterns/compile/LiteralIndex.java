package dev.vigil.patterns.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * An Aho-Corasick automaton over lower-case literals: one pass over a message finds every
 * literal it contains, however many there are. Each literal carries the ids of the patterns
 * that require it.
 */
final class LiteralIndex {
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<BitSet> output = new ArrayList<>();

    LiteralIndex(Map<String, BitSet> literalToPatterns) {
        newState();
        literalToPatterns.forEach(this::add);
        link();
    }

    private int newState() {
        next.add(new HashMap<>());
        fail.add(0);
        output.add(new BitSet());
        return next.size() - 1;
    }

    private void add(String literal, BitSet patterns) {
        int state = 0;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            Integer to = next.get(state).get(c);
            if (to == null) {
                to = newState();
                next.get(state).put(c, to);
            }
            state = to;
        }
        output.get(state).or(patterns);
    }

    /** Breadth-first failure links; each state's output also holds its failure chain's. */
    private void link() {
        Queue<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                int f = fail.get(state);
                while (f != 0 && !next.get(f).containsKey(edge.getKey())) {
                    f = fail.get(f);
                }
                Integer target = next.get(f).get(edge.getKey());
                int link = target == null || target == child ? 0 : target;
                fail.set(child, link);
                output.get(child).or(output.get(link));
                queue.add(child);
            }
        }
    }

    /** The ids of the patterns one of whose literals occurs in {@code lowerCaseText}. */
    BitSet scan(String lowerCaseText) {
        BitSet hits = new BitSet();
        int state = 0;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            while (state != 0 && !next.get(state).containsKey(c)) {
                state = fail.get(state);
            }
            state = next.get(state).getOrDefault(c, 0);
            hits.or(output.get(state));
        }
        return hits;
    }
}
