package dev.vigil.patterns.text;

import java.nio.charset.StandardCharsets;
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
 * lower case. {@link #scanAscii} filters, then compares, instead ({@link AsciiLiteralScan}) when
 * every literal has three characters or more.
 */
public final class LiteralIndex {
    private static final int ASCII = 128;

    private final boolean ignoreAsciiCase;
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<BitSet> output = new ArrayList<>();
    /**
     * By ASCII character, its column in {@link #table}: one per character some literal holds (A-Z
     * share a-z's when case is ignored), column 0 for every other, which leads back to the root.
     */
    private final int[] column = new int[ASCII];
    private int columns;
    /**
     * The transitions for ASCII, row by row: at {@code row + column[c]} the row of the next state,
     * negated ({@code ~row}) when literals end in that state. States are numbered breadth-first, so
     * the rows a scan mostly reads (the root's and its children's) lie together.
     */
    private int[] table;
    /** By breadth-first number: the ids of the literals ending in that state, or null (most states). */
    private BitSet[] hitsAt;
    /** Breadth-first number of each state of the trie, and the trie state of each number. */
    private int[] number;
    private int[] trieState;
    /**
     * The literals (lower case when case is ignored) with copies of their ids, for
     * {@link #asciiScan}; null when one is shorter than three characters, or they are too many
     * (then the automaton scans).
     */
    private final Map<String, BitSet> literals;
    /**
     * Made by the first {@link #scanAscii}: a regex's guard, which never calls it, does not carry
     * its tables (16 KB and more). Two threads may both make it; its fields are final, so a thread
     * that reads it set sees it whole.
     */
    private AsciiLiteralScan asciiScan;

    private LiteralIndex(Map<String, BitSet> literalToIds, boolean ignoreAsciiCase) {
        this.ignoreAsciiCase = ignoreAsciiCase;
        newState();
        literalToIds.forEach(this::add);
        link();
        if (AsciiLiteralScan.canList(literalToIds.keySet())) {
            literals = new HashMap<>();
            literalToIds.forEach((l, ids) -> literals.put(l, (BitSet) ids.clone()));
        } else {
            literals = null;
        }
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
        for (Map<Character, Integer> edges : next) {
            for (char c : edges.keySet()) {
                if (c < ASCII && column[c] == 0) {
                    column[c] = ++columns;
                }
            }
        }
        columns++;
        if (ignoreAsciiCase) {
            for (char c = 'A'; c <= 'Z'; c++) {
                column[c] = column[c + ('a' - 'A')];
            }
        }
        int[][] goTo = new int[states][columns];
        number = new int[states];
        trieState = new int[states];
        int numbered = 1;
        Queue<Integer> queue = new ArrayDeque<>();
        next.get(0).forEach((c, child) -> {
            queue.add(child);
            if (c < ASCII) {
                goTo[0][column[c]] = child;
            }
        });
        while (!queue.isEmpty()) {
            int state = queue.remove();
            number[state] = numbered;
            trieState[numbered++] = state;
            int f = fail.get(state);
            output.get(state).or(output.get(f));
            System.arraycopy(goTo[f], 0, goTo[state], 0, columns);
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                fail.set(child, failureOf(f, edge.getKey(), child));
                if (edge.getKey() < ASCII) {
                    goTo[state][column[edge.getKey()]] = child;
                }
                queue.add(child);
            }
        }
        hitsAt = new BitSet[states];
        for (int s = 0; s < states; s++) {
            hitsAt[number[s]] = output.get(s).isEmpty() ? null : output.get(s);
        }
        table = new int[states * columns];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < columns; c++) {
                table[number[s] * columns + c] = rowOf(number[goTo[s][c]]);
            }
        }
    }

    /** The row of a state in the table, negated when literals end there. */
    private int rowOf(int n) {
        return hitsAt[n] == null ? n * columns : ~(n * columns);
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
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int to = c < ASCII ? table[row + column[c]] : slowStep(row, c);
            if (to < 0) {
                to = ~to;
                hits.or(hitsAt[to / columns]);
            }
            row = to;
        }
        return hits;
    }

    /**
     * As {@link #scan}, for a text that is all ASCII; null when it is not (the caller decides how
     * such a text is folded before it is scanned). When every literal has three characters or
     * more, the text is filtered, then compared ({@link AsciiLiteralScan}), not run through the
     * automaton: about 1.5 times as fast on app-log messages.
     */
    public BitSet scanAscii(String text) {
        // a text of chars below 0x80 has one byte each: then this is a check and a copy (intrinsics)
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != text.length()) {
            return null;
        }
        AsciiLiteralScan fast = asciiScan;
        if (fast == null) {
            if (literals == null) {
                return scan(text);
            }
            fast = new AsciiLiteralScan(literals, ignoreAsciiCase);
            asciiScan = fast;
        }
        BitSet hits = fast.scan(bytes);
        return hits == null ? new BitSet() : hits;
    }

    /** True when a literal occurs in {@code text}; stops at the first. */
    public boolean containsAny(String text) {
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            row = c < ASCII ? table[row + column[c]] : slowStep(row, c);
            if (row < 0) {
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
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ASCII) {
                return -1;
            }
            row = table[row + column[c]];
            if (row < 0) {
                return 1;
            }
        }
        return 0;
    }

    /** A step on a character beyond ASCII: through the trie and its failure links; the row as the table gives it. */
    private int slowStep(int row, char c) {
        int state = trieState[row / columns];
        while (state != 0 && !next.get(state).containsKey(c)) {
            state = fail.get(state);
        }
        return rowOf(number[next.get(state).getOrDefault(c, 0)]);
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
