package dev.vigil.analyzer.topology;

/**
 * A set of 64-bit fingerprints of strings in one array (open addressing, linear probing): eight to
 * sixteen bytes an entry and no object per entry, where a {@code HashSet<String>} of event ids
 * costs about a hundred. A fingerprint can be shared by two strings, so "held" means "maybe held"
 * and a caller that must be exact confirms it elsewhere; "not held" is exact.
 */
final class FingerprintSet {
    /** Marks an empty slot; a fingerprint that is zero is stored as {@link #ZERO_STANDS_IN}. */
    private static final long EMPTY = 0L;
    private static final long ZERO_STANDS_IN = 1L;

    private long[] slots = new long[64];
    private int size;

    /** The fingerprint of {@code s}: FNV-1a over its chars, then MurmurHash3's finaliser to spread the bits. */
    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? ZERO_STANDS_IN : h;
    }

    /** Whether {@code fingerprint} (from {@link #of}) was added. */
    boolean contains(long fingerprint) {
        return slots[slotOf(slots, fingerprint)] == fingerprint;
    }

    /** Adds {@code fingerprint} (from {@link #of}); false when it was there already. */
    boolean add(long fingerprint) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        boolean added = insert(slots, fingerprint);
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long f : slots) {
            if (f != EMPTY) {
                insert(bigger, f);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int i = slotOf(table, fingerprint);
        if (table[i] == fingerprint) {
            return false;
        }
        table[i] = fingerprint;
        return true;
    }

    /** The slot holding {@code fingerprint}, or the empty one where it would go. */
    private static int slotOf(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int i = (int) fingerprint & mask;
        while (table[i] != fingerprint && table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
