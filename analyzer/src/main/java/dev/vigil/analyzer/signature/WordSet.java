package dev.vigil.analyzer.signature;

import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of short words that answers for a slice of a char array without making a
 * {@code String}: the tokenizer asks it about many tokens per line, and most are not in it.
 */
final class WordSet {

    private final char[][] slots;
    private final int mask;

    WordSet(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
        slots = new char[capacity][];
        mask = capacity - 1;
        for (String w : words) {
            char[] chars = w.toCharArray();
            int slot = hash(chars, 0, chars.length) & mask;
            while (slots[slot] != null && !Arrays.equals(slots[slot], chars)) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = chars;
        }
    }

    /** Whether {@code s[from, from + length)} is one of the words. */
    boolean contains(char[] s, int from, int length) {
        for (int slot = hash(s, from, length) & mask; ; slot = (slot + 1) & mask) {
            char[] word = slots[slot];
            if (word == null) {
                return false;
            }
            if (word.length == length && Arrays.equals(word, 0, length, s, from, from + length)) {
                return true;
            }
        }
    }

    private static int hash(char[] s, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + s[i];
        }
        return h ^ (h >>> 15);
    }
}
