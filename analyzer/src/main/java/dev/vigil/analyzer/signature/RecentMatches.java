package dev.vigil.analyzer.signature;

import java.util.Arrays;

/**
 * A direct-mapped cache from a line's token ids to the template that matched it in full, so
 * that the usual line, one the miner has seen before, skips the tree and the leaf scan.
 * Any change to the templates or the tree clears it ({@link #invalidate()}), because a new
 * template or tree branch can change which template a line matches best.
 */
final class RecentMatches {

    private static final int SLOTS = 1 << 14;

    private final long[] hashes = new long[SLOTS];
    private final int[][] keys = new int[SLOTS][];
    private final TemplateCluster[] matches = new TemplateCluster[SLOTS];
    private final int[] generations = new int[SLOTS];
    private int generation = 1;

    /** The template cached for these token ids, or null. */
    TemplateCluster find(long hash, int[] ids, int n) {
        int slot = slot(hash);
        int[] key = keys[slot];
        if (generations[slot] != generation || hashes[slot] != hash || key.length != n
                || !Arrays.equals(key, 0, n, ids, 0, n)) {
            return null;
        }
        return matches[slot];
    }

    void remember(long hash, int[] ids, int n, TemplateCluster match) {
        int slot = slot(hash);
        hashes[slot] = hash;
        keys[slot] = Arrays.copyOf(ids, n);
        matches[slot] = match;
        generations[slot] = generation;
    }

    void invalidate() {
        generation++;
    }

    static long hash(int[] ids, int n) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n; i++) {
            h = (h ^ ids[i]) * 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    private static int slot(long hash) {
        return (int) hash & (SLOTS - 1);
    }
}
