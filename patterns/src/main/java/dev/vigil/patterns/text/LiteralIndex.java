package dev.vigil.patterns.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * An Aho-Corasick automaton over literals: one pass over a text finds every literal it contains,
 * however many there are. Each literal carries ids (of patterns, rules) that require it. For
 * ASCII the automaton is a full transition table, so the scan is one array read per character;
 * other characters follow the trie and its failure links. A case-insensitive index holds
 * lower-case literals and reads A-Z as a-z in the table itself, so a text is never copied to
 * lower case.
 */
public final class LiteralIndex {
    private static final int ASCII = 128;

    private final boolean ignoreAsciiCase;
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<BitSet> output = new ArrayList<>();
    /** By state * 128 + ASCII character: the next state. */
    private int[] ascii;
    /** Per state: the ids of the literals ending there, or null (most states). */
    private BitSet[] hitsAt;

    private LiteralIndex(Map<String, BitSet> literalToIds, boolean ignoreAsciiCase) {
        this.ignoreAsciiCase = ignoreAsciiCase;
        newState();
        literalToIds.forEach(this::add);
        link();
    }

    /** Literals found as they are written. */
    public static LiteralIndex of(Map<String, BitSet> literalToIds) {
        return new LiteralIndex(literalToIds, false);
    }

    /**
     * Literals found whatever the case of their ASCII letters in the text; the literals are lowered
     * (ASCII letters only, as {@link #scan} reads the text).
     */
    public static LiteralIndex ignoringAsciiCase(Map<String, BitSet> literalToIds) {
        Map<String, BitSet> lowered = new HashMap<>();
        literalToIds.forEach((l, ids) -> lowered.computeIfAbsent(lowerAscii(l), k -> new BitSet()).or(ids));
        return new LiteralIndex(lowered, true);
    }

    private int newState() {
        next.add(new HashMap<>());
        fail.add(0);
        output.add(new BitSet());
        return next.size() - 1;
    }

    private void add(String literal, BitSet ids) {
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
        output.get(state).or(ids);
    }

    /**
     * Failure links breadth-first (each state's output also takes its failure chain's), then
     * the ASCII transition table: a missing edge goes where the failure state's edge goes.
     */
    private void link() {
        int states = next.size();
        int[][] table = new int[states][ASCII];
        hitsAt = new BitSet[states];
        Queue<Integer> queue = new ArrayDeque<>();
        next.get(0).forEach((c, child) -> {
            queue.add(child);
            if (c < ASCII) {
                table[0][c] = child;
            }
        });
        while (!queue.isEmpty()) {
            int state = queue.remove();
            int f = fail.get(state);
            output.get(state).or(output.get(f));
            System.arraycopy(table[f], 0, table[state], 0, ASCII);
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                fail.set(child, failureOf(f, edge.getKey(), child));
                if (edge.getKey() < ASCII) {
                    table[state][edge.getKey()] = child;
                }
                queue.add(child);
            }
        }
        ascii = new int[states * ASCII];
        for (int s = 0; s < states; s++) {
            hitsAt[s] = output.get(s).isEmpty() ? null : output.get(s);
            System.arraycopy(table[s], 0, ascii, s * ASCII, ASCII);
            if (ignoreAsciiCase) {
                for (char c = 'A'; c <= 'Z'; c++) {
                    ascii[s * ASCII + c] = table[s][c + ('a' - 'A')];
                }
            }
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

    /** The ids of the literals that occur in {@code text} (an empty set when none does). */
    public BitSet scan(String text) {
        BitSet hits = new BitSet();
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = c < ASCII ? ascii[state * ASCII + c] : slowStep(state, c);
            if (hitsAt[state] != null) {
                hits.or(hitsAt[state]);
            }
        }
        return hits;
    }

    /**
     * As {@link #scan}, for a text that is all ASCII; null when it is not (the caller decides how
     * such a text is folded before it is scanned).
     */
    public BitSet scanAscii(String text) {
        BitSet hits = null;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ASCII) {
                return null;
            }
            state = ascii[state * ASCII + c];
            if (hitsAt[state] != null) {
                hits = hits == null ? new BitSet() : hits;
                hits.or(hitsAt[state]);
            }
        }
        return hits == null ? new BitSet() : hits;
    }

    /** True when a literal occurs in {@code text}; stops at the first. */
    public boolean containsAny(String text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = c < ASCII ? ascii[state * ASCII + c] : slowStep(state, c);
            if (hitsAt[state] != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a case-insensitive guard: 1 when a literal occurs in {@code text}, 0 when none does,
     * -1 when a character beyond ASCII came before any (the caller folds such a text its own way).
     */
    public int findAscii(String text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ASCII) {
                return -1;
            }
            state = ascii[state * ASCII + c];
            if (hitsAt[state] != null) {
                return 1;
            }
        }
        return 0;
    }

    private int slowStep(int state, char c) {
        while (state != 0 && !next.get(state).containsKey(c)) {
            state = fail.get(state);
        }
        return next.get(state).getOrDefault(c, 0);
    }

    private static String lowerAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }
}
