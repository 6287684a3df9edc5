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
 * that require it. For ASCII the automaton is a full transition table, so the scan is one
 * array read per character; other characters follow the trie and its failure links.
 */
final class LiteralIndex {
    private static final int ASCII = 128;

    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<BitSet> output = new ArrayList<>();
    private int[][] ascii;
    /** Per state: the pattern ids of the literals ending there, or null (most states). */
    private BitSet[] hitsAt;

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

    /**
     * Failure links breadth-first (each state's output also takes its failure chain's), then
     * the ASCII transition table: a missing edge goes where the failure state's edge goes.
     */
    private void link() {
        int states = next.size();
        ascii = new int[states][ASCII];
        hitsAt = new BitSet[states];
        Queue<Integer> queue = new ArrayDeque<>();
        next.get(0).forEach((c, child) -> {
            queue.add(child);
            if (c < ASCII) {
                ascii[0][c] = child;
            }
        });
        while (!queue.isEmpty()) {
            int state = queue.remove();
            int f = fail.get(state);
            output.get(state).or(output.get(f));
            System.arraycopy(ascii[f], 0, ascii[state], 0, ASCII);
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                fail.set(child, failureOf(f, edge.getKey(), child));
                if (edge.getKey() < ASCII) {
                    ascii[state][edge.getKey()] = child;
                }
                queue.add(child);
            }
        }
        for (int s = 0; s < states; s++) {
            hitsAt[s] = output.get(s).isEmpty() ? null : output.get(s);
        }
    }

    private int failureOf(int parentFail, char c, int child) {
        int f = parentFail;
        while (f != 0 && !next.get(f).containsKey(c)) {
            f = fail.get(f);
        }
        Integer target = next.get(f).get(c);
        return target == null || target == child ? 0 : target;
    }

    /** The ids of the patterns one of whose literals occurs in {@code lowerCaseText}. */
    BitSet scan(String lowerCaseText) {
        BitSet hits = new BitSet();
        int state = 0;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            state = c < ASCII ? ascii[state][c] : slowStep(state, c);
            if (hitsAt[state] != null) {
                hits.or(hitsAt[state]);
            }
        }
        return hits;
    }

    private int slowStep(int state, char c) {
        while (state != 0 && !next.get(state).containsKey(c)) {
            state = fail.get(state);
        }
        return next.get(state).getOrDefault(c, 0);
    }
}
