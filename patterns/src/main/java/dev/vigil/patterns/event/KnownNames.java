package dev.vigil.patterns.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The slots of the field names an event knows, found from a name's bytes by its length and first
 * letter, which no two known names share: a name is compared with one known name at most, where
 * the reader compared its length with each of the twenty and its bytes with those of its length.
 */
final class KnownNames {
    /** The known field names as ASCII bytes, by slot. */
    private static final byte[][] NAMES = Arrays.stream(RawEvent.NAMES).map(n -> n.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);
    /** One more than the longest known name's length. */
    private static final int LENGTHS = Arrays.stream(NAMES).mapToInt(n -> n.length).max().orElseThrow() + 1;
    /** Each known name's first 8 bytes or fewer as a long, the first the lowest (as {@link JsonTextScan#word}). */
    private static final long[] WORDS = Arrays.stream(NAMES).mapToLong(KnownNames::word).toArray();
    /** The slot plus one of the known name of each length and first letter, 0 for none. */
    private static final byte[] SLOTS = new byte[LENGTHS << 5];

    static {
        for (int slot = 0; slot < NAMES.length; slot++) {
            int key = key(NAMES[slot].length, NAMES[slot][0]);
            if (SLOTS[key] != 0) {
                throw new IllegalStateException("two known names of one length and first letter: " + RawEvent.NAMES[slot]);
            }
            SLOTS[key] = (byte) (slot + 1);
        }
    }

    private KnownNames() {}

    /** The slot of the name of {@code length} bytes of {@code b} from {@code start}; -1 for a name no event knows. */
    static int slot(byte[] b, int start, int length) {
        if (length == 0 || length >= LENGTHS) {
            return -1;
        }
        // a name with an escape in it matches none
        int slot = SLOTS[key(length, b[start])] - 1;
        return slot >= 0 && sameBytes(b, start, NAMES[slot]) ? slot : -1;
    }

    /** The slot of {@code name} (a field name as a parser gave it); -1 for a name no event knows. */
    static int slot(String name) {
        int length = name.length();
        if (length == 0 || length >= LENGTHS) {
            return -1;
        }
        int slot = SLOTS[key(length, (byte) name.charAt(0))] - 1;
        return slot >= 0 && RawEvent.NAMES[slot].equals(name) ? slot : -1;
    }

    /**
     * The slot of the name of {@code length} bytes, fewer than 8, that are the first of {@code word}
     * (as {@link JsonTextScan#word} reads them); -1 for a name no event knows.
     */
    static int slot(long word, int length) {
        if (length == 0) {
            return -1;
        }
        int slot = SLOTS[key(length, (byte) word)] - 1;
        return slot >= 0 && (word & (-1L >>> (64 - 8 * length))) == WORDS[slot] ? slot : -1;
    }

    private static long word(byte[] name) {
        long word = 0;
        for (int k = Math.min(name.length, Long.BYTES) - 1; k >= 0; k--) {
            word = word << 8 | name[k];
        }
        return word;
    }

    /** Where a name of {@code length} bytes starting with {@code first} has its slot in {@link #SLOTS}. */
    private static int key(int length, byte first) {
        return length << 5 | first & 0x1f;
    }

    /** Whether {@code b} holds {@code name} from {@code start}: a loop, names being a few bytes (no call to set up). */
    private static boolean sameBytes(byte[] b, int start, byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }
}
