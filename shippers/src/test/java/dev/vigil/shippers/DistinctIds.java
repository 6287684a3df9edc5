package dev.vigil.shippers;

/**
 * Counts distinct 32-hex-digit event ids as 128-bit numbers in an open-addressing table: a
 * million ids take 32 MiB here, against about 120 MiB as a {@code HashSet<String>}.
 */
final class DistinctIds {
    /** Pairs of high and low halves; (0, 0) marks a free slot. */
    private long[] slots;
    private int size;
    private boolean hasZero;

    /** A set sized to take {@code expected} ids without growing. */
    DistinctIds(int expected) {
        int pairs = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) * 2;
        slots = new long[2 * pairs];
    }

    /** Adds an id; true when it was not there yet. */
    boolean add(String hexId) {
        if (hexId.length() != 32) {
            throw new IllegalArgumentException("not a 32-hex-digit id: '" + hexId + "'");
        }
        long high = Long.parseUnsignedLong(hexId, 0, 16, 16);
        long low = Long.parseUnsignedLong(hexId, 16, 32, 16);
        if (high == 0 && low == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if (size + 1 > slots.length / 2 * 3L / 4) { // keep the load under 75 %
            grow();
        }
        return insert(slots, high, low);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int i = (int) (low ^ (low >>> 32)) & mask;
        while (table[2 * i] != 0 || table[2 * i + 1] != 0) {
            if (table[2 * i] == high && table[2 * i + 1] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = high;
        table[2 * i + 1] = low;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int count = size;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(slots, old[i], old[i + 1]);
            }
        }
        size = count;
    }
}
