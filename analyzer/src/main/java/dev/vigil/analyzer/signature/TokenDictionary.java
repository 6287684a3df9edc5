package dev.vigil.analyzer.signature;

import java.util.Arrays;

/**
 * Interns template tokens as small ints, looked up straight from the tokenizer's character
 * buffer so that a line whose tokens are all known allocates nothing. Id 0 is {@code <*>}.
 */
final class TokenDictionary {

    static final int WILDCARD_ID = 0;
    static final int UNKNOWN = -1;

    private String[] texts = new String[64];
    private char[][] textChars = new char[64][];
    private int[] textHashes = new int[64];
    private int size;
    private int[] table = new int[128];

    TokenDictionary() {
        Arrays.fill(table, UNKNOWN);
        char[] wildcard = MaskingTokenizer.WILDCARD.toCharArray();
        intern(wildcard, 0, wildcard.length, hashOf(wildcard, 0, wildcard.length));
    }

    int size() {
        return size;
    }

    String text(int id) {
        return texts[id];
    }

    /** The id of the token, or {@link #UNKNOWN} when no template holds it. */
    int find(char[] chars, int from, int to, int hash) {
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot];
            if (id == UNKNOWN) {
                return UNKNOWN;
            }
            if (textHashes[id] == hash && Arrays.equals(textChars[id], 0, textChars[id].length, chars, from, to)) {
                return id;
            }
        }
    }

    /** The id of the token, adding it when new. */
    int intern(char[] chars, int from, int to, int hash) {
        int found = find(chars, from, to, hash);
        if (found != UNKNOWN) {
            return found;
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
            textHashes = Arrays.copyOf(textHashes, size * 2);
            textChars = Arrays.copyOf(textChars, size * 2);
        }
        texts[size] = new String(chars, from, to - from);
        textChars[size] = Arrays.copyOfRange(chars, from, to);
        textHashes[size] = hash;
        if (2 * (size + 1) > table.length) {
            rehash(table.length * 2);
        }
        place(size);
        return size++;
    }

    /** The id of a token given as text, adding it when new. */
    int intern(String text) {
        char[] chars = text.toCharArray();
        return intern(chars, 0, chars.length, hashOf(chars, 0, chars.length));
    }

    /** Same hash as {@link MaskingTokenizer} computes while it writes a token. */
    static int hashOf(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** 64-bit hash of a masked line {@code chars[0, length)}, in four interleaved lanes to keep the multiplier busy. */
    static long lineHash(char[] chars, int length) {
        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        long h3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            h0 = 31 * h0 + chars[i];
            h1 = 31 * h1 + chars[i + 1];
            h2 = 31 * h2 + chars[i + 2];
            h3 = 31 * h3 + chars[i + 3];
        }
        for (; i < length; i++) {
            h0 = 31 * h0 + chars[i];
        }
        long h = ((h0 * 0x9E3779B97F4A7C15L + h1) * 0x9E3779B97F4A7C15L + h2) * 0x9E3779B97F4A7C15L + h3;
        return h ^ (h >>> 29) ^ length;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        Arrays.fill(table, UNKNOWN);
        for (int id = 0; id < size; id++) {
            place(id);
        }
    }

    private void place(int id) {
        int mask = table.length - 1;
        int slot = spread(textHashes[id]) & mask;
        while (table[slot] != UNKNOWN) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
