package dev.vigil.patterns.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds literals of three characters or more in an ASCII text: a filter first, then a compare.
 *
 * <p>The filter is a bitmap (128 Ki bits, 16 KB) over a hash of four characters, probed at every
 * other position of the text (see {@link #list} for the four characters a literal is listed
 * under, whatever the parity of where it starts). Only where the filter passes are the literals
 * listed under the four characters there compared with the text. The probes do not depend on each
 * other, so the core runs several at once, where each step of the automaton waits for the table
 * read of the one before (about 2 ns a character, its table being beyond L1).
 *
 * <p>The filter and the lists read characters with bit 0x20 set (A-Z as a-z, and a few
 * punctuation characters as others): a literal's every occurrence passes, case ignored or not,
 * and the compare is exact.
 */
final class AsciiLiteralScan {
    /** Little-endian: the lowest byte of the long is the first of the eight in the array. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The shortest literal it finds: a probe reads four characters at every other position. */
    static final int MIN_LENGTH = 3;
    private static final int HASH_BITS = 17;
    private static final int MULTIPLIER = 0x9e37_79b1;
    private static final int FOLD = 0x20;
    private static final long FOLD_ALL = 0x2020_2020_2020_2020L;
    private static final long ONES = 0x0101_0101_0101_0101L;
    /** Offsets from a probe beyond this are not listed: they must fit a byte. */
    private static final int MAX_OFFSET = 250;

    /**
     * By folded character, about how common it is in logs (a log2 of its share: English letter
     * frequencies; spaces, digits and the punctuation of key=value pairs and paths among the most
     * common), to list a long literal under characters few texts hold.
     */
    private static final int[] COMMON = new int[0x80];

    static {
        String[] byRank = {"", "jqxz", "", "kv", "mwfgypb", "ldcu.,-:/=_", "etaoinsrh0123456789", "", " "};
        Arrays.fill(COMMON, 2);
        for (int rank = 1; rank < byRank.length; rank++) {
            for (char c : byRank[rank].toCharArray()) {
                COMMON[c | FOLD] = rank;
            }
        }
    }

    private final boolean ignoreCase;
    /** Bit {@code hash(four folded characters)}: set when a literal is listed under them. */
    private final long[] filter = new long[1 << (HASH_BITS - 6)];
    /**
     * Open addressing by four folded characters: them in the high half, the range of their
     * entries in {@link #entries} in the low ({@code from << 16 | to}); 0 for a free slot. Read
     * only where the filter passes (32 KB for the standard library's literals).
     */
    private final long[] slots;
    /** The entries of each list key: a literal's number, shifted by 8, plus 1 + the offset of the probe from its start. */
    private final int[] entries;
    /** The literals by number: all their characters end to end, where each starts, its length, its ids. */
    private final byte[] chars;
    private final int[] start;
    private final int[] length;
    private final BitSet[] ids;
    /** By literal number: its first eight characters (fewer when shorter) as a long, the first the lowest, and the mask of their bytes. */
    private final long[] head;
    private final long[] headMask;

    /**
     * True when the literals can be scanned so: each has three characters or more, and they are
     * listed under fewer than 65,536 keys (a literal of three under 128, of four under 65, any
     * other under 2; one with a character beyond ASCII under none, as no ASCII text holds it).
     */
    static boolean canList(Collection<String> literals) {
        long listed = 0;
        for (String literal : literals) {
            int n = literal.length();
            if (n < MIN_LENGTH) {
                return false;
            }
            if (literal.chars().allMatch(c -> c < 0x80)) {
                listed += n == MIN_LENGTH ? 128 : n == 4 ? 65 : 2;
            }
        }
        return listed < 1 << 16;
    }

    /** @param literalToIds literals (lower case when {@code ignoreCase}) that {@link #canList} */
    AsciiLiteralScan(Map<String, BitSet> literalToIds, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        List<String> literals = new ArrayList<>();
        if (!canList(literalToIds.keySet())) {
            throw new IllegalArgumentException("literals too short or too many to list: " + literalToIds.size());
        }
        literalToIds.forEach((literal, litIds) -> {
            if (literal.chars().allMatch(c -> c < 0x80)) {
                literals.add(literal);
            }
        });
        int count = literals.size();
        start = new int[count];
        length = new int[count];
        ids = new BitSet[count];
        head = new long[count];
        headMask = new long[count];
        StringBuilder all = new StringBuilder();
        Map<Integer, List<Integer>> byKey = new LinkedHashMap<>();
        for (int l = 0; l < count; l++) {
            String literal = literals.get(l);
            start[l] = all.length();
            length[l] = literal.length();
            ids[l] = literalToIds.get(literal);
            for (int j = Math.min(Long.BYTES, literal.length()) - 1; j >= 0; j--) {
                head[l] = head[l] << 8 | literal.charAt(j);
                headMask[l] = headMask[l] << 8 | 0xff;
            }
            all.append(literal);
            list(literal, l, byKey);
        }
        chars = all.toString().getBytes(StandardCharsets.US_ASCII);
        entries = byKey.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
        slots = new long[Integer.highestOneBit(Math.max(1, byKey.size()) * 2 - 1) << 1];
        int from = 0;
        for (Map.Entry<Integer, List<Integer>> key : byKey.entrySet()) {
            int to = from + key.getValue().size();
            slots[slotOf(key.getKey())] = (long) key.getKey() << 32 | (from << 16 | to) & 0xffff_ffffL;
            from = to;
        }
    }

    /**
     * Lists literal {@code l} under the four characters a probe reads of it where it starts at an
     * even position and where at an odd one, with the probe's offset from its start, and sets them
     * in the filter. A literal of five characters or more: its least common four from an even
     * offset and from an odd one (so a common word it starts with, "worker (pid:" in a log of
     * workers, seldom passes the filter). One of four: its first four; and its last three followed
     * by any character (the probe one after its start). One of three: itself followed by any
     * character; and preceded by any (the probe one before its start).
     */
    private void list(String literal, int l, Map<Integer, List<Integer>> byKey) {
        int n = literal.length();
        if (n == MIN_LENGTH) {
            int all = folded(literal, 0);
            for (int any = FOLD; any < 0x80; any = (any + 1) | FOLD) {
                setFilter(add(byKey, all | any << 24, l, 0));
                setFilter(add(byKey, any | all << 8, l, -1));
            }
        } else if (n == 4) {
            setFilter(add(byKey, folded(literal, 0), l, 0));
            int last = folded(literal, 1);
            for (int any = FOLD; any < 0x80; any = (any + 1) | FOLD) {
                setFilter(add(byKey, last | any << 24, l, 1));
            }
        } else {
            for (int parity = 0; parity < 2; parity++) {
                int offset = leastCommon(literal, parity);
                setFilter(add(byKey, folded(literal, offset), l, offset));
            }
        }
    }

    /** The offset, from {@code parity} on by two, of the least common four characters of the literal. */
    private static int leastCommon(String literal, int parity) {
        int best = parity;
        int bestScore = Integer.MAX_VALUE;
        for (int at = parity; at + 4 <= literal.length() && at <= MAX_OFFSET; at += 2) {
            int score = 0;
            for (int i = at; i < at + 4; i++) {
                score += COMMON[literal.charAt(i) | FOLD];
            }
            if (score < bestScore) {
                best = at;
                bestScore = score;
            }
        }
        return best;
    }

    /** Lists literal {@code l} under {@code key}, read by a probe {@code offset} after its start; the key. */
    private static int add(Map<Integer, List<Integer>> byKey, int key, int l, int offset) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(l << 8 | (offset + 1));
        return key;
    }

    private void setFilter(int key) {
        int h = hash(key);
        filter[h >>> 6] |= 1L << h;
    }

    /** Up to four characters of {@code literal} from {@code at}, folded, as the bytes of an int, the first the lowest. */
    private static int folded(String literal, int at) {
        int key = 0;
        for (int i = Math.min(literal.length(), at + 4) - 1; i >= at; i--) {
            key = key << 8 | literal.charAt(i) | FOLD;
        }
        return key;
    }

    /** 17 bits of four characters; the top ones of the product mix all of their bits. */
    private static int hash(int key) {
        return (key * MULTIPLIER) >>> (32 - HASH_BITS);
    }

    /** The slot of a list key: its own, or the free one where it would go. */
    private int slotOf(int key) {
        int mask = slots.length - 1;
        int slot = hash(key) & mask;
        while (slots[slot] != 0 && (int) (slots[slot] >>> 32) != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The ids of the literals that occur in {@code text}, which is all ASCII; null when none does. */
    BitSet scan(byte[] text) {
        int n = text.length;
        BitSet hits = null;
        int i = 0;
        // eight bytes read hold the four of the probes at 0, 2 and 4; the next read starts at 6
        for (; i <= n - Long.BYTES; i += 6) {
            long word = (long) LONGS.get(text, i) | FOLD_ALL;
            int p0 = (int) word * MULTIPLIER;
            int p2 = (int) (word >>> 16) * MULTIPLIER;
            int p4 = (int) (word >>> 32) * MULTIPLIER;
            if (((filter[p0 >>> 21] >>> (p0 >>> 15) | filter[p2 >>> 21] >>> (p2 >>> 15) | filter[p4 >>> 21] >>> (p4 >>> 15)) & 1) != 0) {
                hits = verify(text, i, word, hits);
            }
        }
        if (i > n - MIN_LENGTH) {
            return hits;
        }
        // the last probes, up to three, on the bytes from i: those past the end read as 0, which folds to a space
        return verify(text, i, eightAt(text, i) | FOLD_ALL, hits);
    }

    /** {@code hits} with the ids of the literals listed under the probes at {@code at}, 2 and 4 after, that are where listed. */
    private BitSet verify(byte[] text, int at, long word, BitSet hits) {
        BitSet out = hits;
        for (int k = 0; k <= 4 && at + k <= text.length - MIN_LENGTH; k += 2) {
            int key = (int) (word >>> (8 * k));
            int h = hash(key);
            if ((filter[h >>> 6] >>> h & 1) == 0) {
                continue;
            }
            out = found(text, at + k, slots[slotOf(key)], out);
        }
        return out;
    }

    /** {@code hits} with the ids of the literals of the list in {@code slot} that are where the probe at {@code probe} puts them. */
    private BitSet found(byte[] text, int probe, long slot, BitSet hits) {
        BitSet out = hits;
        for (int e = (int) slot >>> 16, to = (int) slot & 0xffff; e < to; e++) {
            int l = entries[e] >>> 8;
            if (matches(text, probe - (entries[e] & 0xff) + 1, l)) {
                out = out == null ? new BitSet() : out;
                out.or(ids[l]);
            }
        }
        return out;
    }

    /** True when literal {@code l} is at {@code pos} of the text: its first eight characters compared at once, then the others. */
    private boolean matches(byte[] text, int pos, int l) {
        int len = length[l];
        if (pos < 0 || pos > text.length - len || (exact(eightAt(text, pos)) & headMask[l]) != head[l]) {
            return false;
        }
        for (int j = Long.BYTES, s = start[l]; j < len; j++) {
            int c = text[pos + j];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c |= FOLD;
            }
            if (c != chars[s + j]) {
                return false;
            }
        }
        return true;
    }

    /** The eight bytes of the text from {@code pos}, the first the lowest; 0 for those past its end. */
    private static long eightAt(byte[] text, int pos) {
        int n = text.length;
        if (pos <= n - Long.BYTES) {
            return (long) LONGS.get(text, pos);
        }
        if (n >= Long.BYTES) {
            return (long) LONGS.get(text, n - Long.BYTES) >>> (8 * (pos - (n - Long.BYTES)));
        }
        long word = 0;
        for (int k = n - 1; k >= pos; k--) {
            word = word << 8 | text[k];
        }
        return word;
    }

    /**
     * The eight ASCII characters with A-Z read as a-z when case is ignored: a byte's high bit is
     * set by adding 0x3f when it is 'A' or above, and by adding 0x25 when it is above 'Z' (no
     * byte carries into the next, all being below 0x80).
     */
    private long exact(long word) {
        if (!ignoreCase) {
            return word;
        }
        long upper = (word + ONES * 0x3f) & ~(word + ONES * 0x25) & ONES * 0x80;
        return word | upper >>> 2;
    }
}
