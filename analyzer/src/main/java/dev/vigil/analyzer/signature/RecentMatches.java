package dev.vigil.analyzer.signature;

import java.util.Arrays;

/**
 * A direct-mapped cache from a masked line (its tokens joined by single spaces) to the template
 * that matched it in full, so that the usual line, one whose masked form the miner has seen
 * before, skips the token dictionary, the tree and the leaf scan.
 * Any change to the templates or the tree clears it ({@link #invalidate()}), because a new
 * template or tree branch can change which template a line matches best.
 */
final class RecentMatches {

    private static final int SLOTS = 1 << 14;
    /** Longer lines are not cached, so the cache holds at most SLOTS x MAX_KEY_CHARS chars. */
    private static final int MAX_KEY_CHARS = 512;

    private final long[] hashes = new long[SLOTS];
    private final char[][] keys = new char[SLOTS][];
    private final TemplateCluster[] matches = new TemplateCluster[SLOTS];
    private final int[] generations = new int[SLOTS];
    private int generation = 1;

    /** The template cached for the masked line {@code line[0..n)}, or null. */
    TemplateCluster find(long hash, char[] line, int n) {
        int slot = slot(hash);
        char[] key = keys[slot];
        if (generations[slot] != generation || hashes[slot] != hash || key.length != n
                || !Arrays.equals(key, 0, n, line, 0, n)) {
            return null;
        }
        return matches[slot];
    }

    void remember(long hash, char[] line, int n, TemplateCluster match) {
        if (n > MAX_KEY_CHARS) {
            return;
        }
        int slot = slot(hash);
        hashes[slot] = hash;
        keys[slot] = Arrays.copyOf(line, n);
        matches[slot] = match;
        generations[slot] = generation;
    }

    void invalidate() {
        if (generation == Integer.MAX_VALUE) {
            // wrapping around could revive entries from 2^32 generations ago
            Arrays.fill(generations, 0);
            Arrays.fill(matches, null);
            generation = 0;
        }
        generation++;
    }

    private static int slot(long hash) {
        return (int) hash & (SLOTS - 1);
    }
}
